package io.tandem.people;

/** Directory filters; a blank value means no filter. */
public record DirectoryQuery(
        String q,
        String division,
        String function,
        String location,
        String skill,
        String language,
        WorkMode workMode) {

    public static DirectoryQuery all() {
        return new DirectoryQuery(null, null, null, null, null, null, null);
    }
}
