package io.tandem.people;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.web.StartupTasks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo organisation: about 300 people in six divisions, eight functions and six locations
 * across five time zones, with a four-level manager tree. It goes in through the real CSV import,
 * so loading it twice changes nothing. On by default on the embedded database only.
 */
@Component
@Order(10)
class DemoOrganisation implements ApplicationRunner {

    static final String PASSWORD = "tandem-demo";
    static final String ADMIN_EMAIL = "alex.morgan@northwind.example";
    static final String MENTOR_EMAIL = "priya.raman@northwind.example";
    static final String MENTEE_EMAIL = "sam.taylor@northwind.example";

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private static final String[] DIVISIONS = {
        "Consumer Products",
        "Industrial Solutions",
        "Healthcare",
        "Energy",
        "Digital Services",
        "Corporate"
    };
    private static final String[] FUNCTIONS = {
        "Sales",
        "Engineering",
        "Finance",
        "Human Resources",
        "Marketing",
        "Operations",
        "Legal",
        "Customer Service"
    };
    private static final String[][] LOCATIONS = {
        {"London", "Europe/London", "English"},
        {"Berlin", "Europe/Berlin", "German"},
        {"New York", "America/New_York", "Spanish"},
        {"Chicago", "America/Chicago", "Polish"},
        {"Singapore", "Asia/Singapore", "Mandarin"},
        {"Sydney", "Australia/Sydney", "Japanese"}
    };
    private static final String[][] SKILLS = {
        {
            "Negotiation",
            "Account management",
            "Salesforce",
            "Pipeline forecasting",
            "Key account planning"
        },
        {"Java", "Python", "Cloud architecture", "Kubernetes", "Data engineering", "Security"},
        {"Financial modelling", "Budgeting", "IFRS", "Forecasting", "Excel"},
        {"Coaching", "Talent development", "Employment law", "Workforce planning", "Facilitation"},
        {"Brand strategy", "Digital marketing", "Market research", "Copywriting", "SEO"},
        {"Lean", "Supply chain", "Logistics", "Six Sigma", "Vendor management"},
        {"Contract law", "Compliance", "Data privacy", "Negotiation", "Risk assessment"},
        {"Customer experience", "Conflict resolution", "Zendesk", "Onboarding", "Service design"}
    };
    private static final String[] SHARED_SKILLS = {
        "Public speaking",
        "Project management",
        "Leadership",
        "Stakeholder management",
        "Data analysis",
        "Change management",
        "Storytelling"
    };
    private static final String[] EXTRA_LANGUAGES = {
        "French", "Spanish", "German", "Italian", "Hindi", "Portuguese"
    };
    private static final String[] FIRST = {
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Mia", "Leon", "Sofia", "Mateo", "Amelia",
        "Elias", "Hannah", "Arjun", "Chloe", "Kenji", "Grace", "Omar", "Isla", "Felix", "Zara",
        "Daniel", "Mei", "Tomasz", "Nina", "Ravi", "Clara", "Jonas", "Aisha", "Hugo", "Yuki",
        "Ethan", "Lena", "Diego", "Freya", "Wei", "Maya", "Oscar", "Leila", "Samuel"
    };
    private static final String[] LAST = {
        "Smith",
        "Müller",
        "García",
        "Chen",
        "Kowalski",
        "Nguyen",
        "Brown",
        "Schmidt",
        "Patel",
        "Tanaka",
        "Wilson",
        "Rossi",
        "Johnson",
        "Fischer",
        "Lopez",
        "Kim",
        "Taylor",
        "Weber",
        "Singh",
        "Martin",
        "Okafor",
        "Novak",
        "Dubois",
        "Hughes",
        "Lee",
        "Becker",
        "Silva",
        "O'Brien",
        "Walsh",
        "Andersen"
    };

    private final IdentityManagement identity;
    private final PeopleManagement people;
    private final People rows;
    private final DemoMode demo;
    private final StartupTasks startup;

    DemoOrganisation(
            IdentityManagement identity,
            PeopleManagement people,
            StartupTasks startup,
            People rows,
            DemoMode demo) {
        this.identity = identity;
        this.people = people;
        this.startup = startup;
        this.rows = rows;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        try (var loading = startup.begin("demo")) {
            demo.loadAlone(this::load);
        }
    }

    private void load() {
        OrganisationId organisation =
                identity.ensureOrganisation(
                        IdentityManagement.DEFAULT_ORGANISATION, "Northwind Group");
        boolean fresh = people.findByEmail(organisation, MENTOR_EMAIL).isEmpty();
        ImportResult result =
                people.importCsv(organisation, csv().getBytes(StandardCharsets.UTF_8));
        if (fresh) {
            describeDemoPeople(organisation);
        }
        describeEveryone(organisation);
        identity.ensureAccount(organisation, ADMIN_EMAIL, "Alex Morgan", PASSWORD, Role.ADMIN);
        identity.ensureAccount(organisation, MENTOR_EMAIL, "Priya Raman", PASSWORD, Role.EMPLOYEE);
        identity.ensureAccount(organisation, MENTEE_EMAIL, "Sam Taylor", PASSWORD, Role.EMPLOYEE);
        log.info(
                "Demo organisation ready: {} created, {} updated, {} unchanged",
                result.created(),
                result.updated(),
                result.unchanged());
    }

    /** The demo's HR export: the same file every time, so a second load changes nothing. */
    static String csv() {
        Random random = new Random(20261129L);
        List<String> rows = new ArrayList<>();
        rows.add(
                "employee_id,email,first_name,last_name,title,level,division,function,location,"
                        + "time_zone,work_mode,manager_employee_id,languages,skills,status");
        Set<String> emails = new LinkedHashSet<>(List.of(ADMIN_EMAIL, MENTOR_EMAIL, MENTEE_EMAIL));
        rows.add(
                row(
                        "E0001",
                        "Margaret",
                        "Holloway",
                        "Chief Executive Officer",
                        9,
                        "Corporate",
                        "Operations",
                        0,
                        "",
                        "HOME_OFFICE",
                        random,
                        null));
        int next = 2;
        for (int d = 0; d < DIVISIONS.length; d++) {
            next = division(rows, random, emails, d, next);
        }
        return String.join("\r\n", rows) + "\r\n";
    }

    /** A division's head, its three managers and each manager's fifteen staff; the next number. */
    private static int division(
            List<String> rows, Random random, Set<String> emails, int d, int next) {
        String headId = id(next++);
        String[] headName = d == 5 ? new String[] {"Alex", "Morgan"} : name(random, emails);
        rows.add(
                row(
                        headId,
                        headName[0],
                        headName[1],
                        "Head of " + DIVISIONS[d],
                        8,
                        DIVISIONS[d],
                        d == 5 ? "Human Resources" : FUNCTIONS[d % FUNCTIONS.length],
                        d,
                        "E0001",
                        "HOME_OFFICE",
                        random,
                        d == 5 ? ADMIN_EMAIL : null));
        for (int m = 0; m < 3; m++) {
            String managerId = id(next++);
            int function = (d + m * 3) % FUNCTIONS.length;
            int location = (d + m) % LOCATIONS.length;
            boolean mentor = d == 4 && m == 0;
            String[] managerName = mentor ? new String[] {"Priya", "Raman"} : name(random, emails);
            rows.add(
                    row(
                            managerId,
                            managerName[0],
                            managerName[1],
                            FUNCTIONS[function] + " Manager",
                            6,
                            DIVISIONS[d],
                            mentor ? "Engineering" : FUNCTIONS[function],
                            location,
                            headId,
                            "HOME_OFFICE",
                            random,
                            mentor ? MENTOR_EMAIL : null));
            next = staff(rows, random, emails, d, m, function, location, managerId, next);
        }
        return next;
    }

    /** A manager's fifteen staff, most in the manager's function and location; the next number. */
    private static int staff(
            List<String> rows,
            Random random,
            Set<String> emails,
            int d,
            int m,
            int function,
            int location,
            String managerId,
            int next) {
        for (int s = 0; s < 15; s++) {
            int staffFunction = s < 9 ? function : (function + s) % FUNCTIONS.length;
            int staffLocation = s % 3 == 0 ? (location + s) % LOCATIONS.length : location;
            boolean mentee = d == 0 && m == 0 && s == 0;
            String[] staffName = mentee ? new String[] {"Sam", "Taylor"} : name(random, emails);
            String fn = mentee ? "Sales" : FUNCTIONS[staffFunction];
            String mode =
                    fieldFunction(fn)
                            ? "FIELD"
                            : (random.nextInt(5) == 0 ? "REMOTE" : "HOME_OFFICE");
            int level = 2 + random.nextInt(4);
            rows.add(
                    row(
                            id(next++),
                            staffName[0],
                            staffName[1],
                            title(fn, level),
                            level,
                            DIVISIONS[d],
                            fn,
                            staffLocation,
                            managerId,
                            mode,
                            random,
                            mentee ? MENTEE_EMAIL : null));
        }
        return next;
    }

    private static boolean fieldFunction(String function) {
        return function.equals("Sales")
                || function.equals("Customer Service")
                || function.equals("Operations");
    }

    private static String title(String function, int level) {
        String grade = level >= 5 ? "Senior " : level <= 2 ? "Associate " : "";
        return switch (function) {
            case "Sales" -> grade + "Account Executive";
            case "Engineering" -> grade + "Software Engineer";
            case "Finance" -> grade + "Financial Analyst";
            case "Human Resources" -> grade + "HR Business Partner";
            case "Marketing" -> grade + "Marketing Specialist";
            case "Operations" -> grade + "Operations Specialist";
            case "Legal" -> grade + "Legal Counsel";
            default -> grade + "Customer Success Specialist";
        };
    }

    private static String id(int n) {
        return String.format("E%04d", n);
    }

    private static String[] name(Random random, Set<String> emails) {
        while (true) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            if (emails.add(email(first, last))) {
                return new String[] {first, last};
            }
        }
    }

    private static String email(String first, String last) {
        String local =
                (first + "." + last)
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace("ü", "ue")
                        .replace("í", "i")
                        .replace("'", "");
        return local + "@northwind.example";
    }

    private static String row(
            String id,
            String first,
            String last,
            String title,
            int level,
            String division,
            String function,
            int location,
            String manager,
            String workMode,
            Random random,
            String email) {
        String[] place = LOCATIONS[location];
        Set<String> languages = new LinkedHashSet<>(List.of("English", place[2]));
        if (random.nextInt(3) == 0) {
            languages.add(EXTRA_LANGUAGES[random.nextInt(EXTRA_LANGUAGES.length)]);
        }
        Set<String> skills = skills(function, level, random);
        return String.join(
                ",",
                id,
                email != null ? email : email(first, last),
                first,
                quote(last),
                title,
                String.valueOf(level),
                division,
                function,
                place[0],
                place[1],
                workMode,
                manager,
                String.join(";", languages),
                String.join(";", skills),
                "ACTIVE");
    }

    /**
     * Three skills of the person's function, one everyone may have, and leadership from level 6.
     */
    private static Set<String> skills(String function, int level, Random random) {
        int pool = List.of(FUNCTIONS).indexOf(function);
        Set<String> skills = new LinkedHashSet<>();
        for (int i = 0; i < 3; i++) {
            skills.add(SKILLS[pool][random.nextInt(SKILLS[pool].length)]);
        }
        skills.add(SHARED_SKILLS[random.nextInt(SHARED_SKILLS.length)]);
        if (level >= 6) {
            skills.add("Leadership");
        }
        return skills;
    }

    private static String quote(String value) {
        return value.contains("'") || value.contains(",")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }

    /**
     * Gives most people skills they want to learn and some an aspiration, as a real organisation's
     * profiles would have, so matching has something to work with. Only people nobody has described
     * yet change, so a second load (or an edited profile) stays as it is.
     */
    private void describeEveryone(OrganisationId organisation) {
        List<PersonRow> everyone = rows.findAll(organisation);
        List<PersonRow> described = new ArrayList<>();
        for (PersonRow person : everyone) {
            if (!person.skillsWanted().isEmpty()
                    || person.aspiredDivision() != null
                    || person.bio() != null
                    || person.email().equalsIgnoreCase(MENTEE_EMAIL)
                    || person.email().equalsIgnoreCase(MENTOR_EMAIL)) {
                continue;
            }
            ProfileUpdate profile = profile(person);
            if (profile != null) {
                described.add(person.withProfile(profile));
            }
        }
        if (!described.isEmpty()) {
            rows.updateAll(organisation, described);
        }
    }

    /** A plausible profile for the person, the same every time; null for the few left blank. */
    static ProfileUpdate profile(PersonRow person) {
        Random random = new Random(person.employeeId().hashCode() * 31L + 7);
        if (random.nextInt(10) == 0) {
            return null;
        }
        Set<String> wanted = wanted(person, random);
        String aspiredDivision = null;
        String aspiredLocation = null;
        if (random.nextInt(4) == 0) {
            aspiredDivision = DIVISIONS[random.nextInt(DIVISIONS.length - 1)];
            if (aspiredDivision.equals(person.division())) {
                aspiredDivision = null;
            }
        }
        if (random.nextInt(6) == 0) {
            String location = LOCATIONS[random.nextInt(LOCATIONS.length)][0];
            aspiredLocation = location.equals(person.location()) ? null : location;
        }
        String bio =
                "%s in %s, %s. Keen to learn %s."
                        .formatted(
                                person.title(),
                                person.division(),
                                person.location(),
                                String.join(", ", wanted).toLowerCase(java.util.Locale.ROOT));
        return new ProfileUpdate(
                bio,
                person.skills(),
                List.copyOf(wanted),
                aspiredDivision,
                aspiredLocation,
                person.languages(),
                person.timeZone());
    }

    /**
     * One or two skills of another function than the person's own, and leadership (from level 4,
     * half the time) or a skill everyone may want.
     */
    private static Set<String> wanted(PersonRow person, Random random) {
        int own = Math.max(0, List.of(FUNCTIONS).indexOf(person.function()));
        Set<String> wanted = new LinkedHashSet<>();
        int other = (own + 1 + random.nextInt(FUNCTIONS.length - 1)) % FUNCTIONS.length;
        wanted.add(SKILLS[other][random.nextInt(SKILLS[other].length)]);
        if (random.nextBoolean()) {
            wanted.add(SKILLS[other][random.nextInt(SKILLS[other].length)]);
        }
        int level = person.level() == null ? 3 : person.level();
        wanted.add(
                level >= 4 && random.nextBoolean()
                        ? "Leadership"
                        : SHARED_SKILLS[random.nextInt(SHARED_SKILLS.length)]);
        return wanted;
    }

    private void describeDemoPeople(OrganisationId organisation) {
        people.findByEmail(organisation, MENTEE_EMAIL)
                .ifPresent(
                        sam ->
                                people.updateProfile(
                                        organisation,
                                        sam.id(),
                                        new ProfileUpdate(
                                                "Field account executive in London. I want to understand how"
                                                        + " our digital products are built, and one day lead a team.",
                                                sam.skills(),
                                                List.of(
                                                        "Data analysis",
                                                        "Leadership",
                                                        "Cloud architecture"),
                                                "Digital Services",
                                                "Singapore",
                                                sam.languages(),
                                                sam.timeZone())));
        people.findByEmail(organisation, MENTOR_EMAIL)
                .ifPresent(
                        priya ->
                                people.updateProfile(
                                        organisation,
                                        priya.id(),
                                        new ProfileUpdate(
                                                "Engineering manager. Happy to mentor people moving into tech or"
                                                        + " stepping into their first leadership role.",
                                                priya.skills(),
                                                List.of("Negotiation"),
                                                null,
                                                null,
                                                priya.languages(),
                                                priya.timeZone())));
    }
}
