package io.tandem.people;

import java.util.List;

/** The columns of the HR import, the field names every provisioning path maps onto. */
public final class PeopleColumns {

    public static final String EMPLOYEE_ID = "employee_id";
    public static final String EMAIL = "email";
    public static final String FIRST_NAME = "first_name";
    public static final String LAST_NAME = "last_name";
    public static final String TITLE = "title";
    public static final String LEVEL = "level";
    public static final String DIVISION = "division";
    public static final String FUNCTION = "function";
    public static final String LOCATION = "location";
    public static final String TIME_ZONE = "time_zone";
    public static final String WORK_MODE = "work_mode";
    public static final String MANAGER = "manager_employee_id";
    public static final String LANGUAGES = "languages";
    public static final String SKILLS = "skills";
    public static final String STATUS = "status";

    public static final List<String> ALL =
            List.of(
                    EMPLOYEE_ID,
                    EMAIL,
                    FIRST_NAME,
                    LAST_NAME,
                    TITLE,
                    LEVEL,
                    DIVISION,
                    FUNCTION,
                    LOCATION,
                    TIME_ZONE,
                    WORK_MODE,
                    MANAGER,
                    LANGUAGES,
                    SKILLS,
                    STATUS);

    private PeopleColumns() {}
}
