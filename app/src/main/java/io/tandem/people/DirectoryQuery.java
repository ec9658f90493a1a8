package io.tandem.people;

/** Directory filters; a blank value means no filter. */
public record DirectoryQuery(
        String q,
        String division,
        String function,
        String location,
        String skill,
        String language,
        WorkMode workMode,
        Integer level) {

    public DirectoryQuery(
            String q,
            String division,
            String function,
            String location,
            String skill,
            String language,
            WorkMode workMode) {
        this(q, division, function, location, skill, language, workMode, null);
    }

    public static DirectoryQuery all() {
        return new DirectoryQuery(null, null, null, null, null, null, null, null);
    }
}
