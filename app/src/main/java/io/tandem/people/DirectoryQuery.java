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

    /**
     * A segment of the organisation by where people work and at what level, as an invitation to a
     * program reaches it: no name, skill or language.
     */
    public static DirectoryQuery segment(
            String division, String function, String location, WorkMode workMode, Integer level) {
        return new DirectoryQuery(null, division, function, location, null, null, workMode, level);
    }

    public static DirectoryQuery all() {
        return new DirectoryQuery(null, null, null, null, null, null, null, null);
    }
}
