package io.tandem.people;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How fast the people module is on the embedded database as production runs it (H2 in file mode):
 * CSV import of 5,000 and 100,000 rows, and directory search over 100,000 people. It prints a table
 * of figures next to their targets and asserts nothing, since machines are noisy.
 *
 * <p>Excluded from the normal build (tag {@code bench}); run it from the repository root with:
 *
 * <pre>
 * ./mvnw -q -pl app -am test -Dbench=true -Dgroups=bench -Dtest=PeopleBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>The table is also written to {@code app/target/people-bench.txt}. Add {@code
 * -Dbench.data-dir=DIR} to keep the database in DIR for a look with H2's tools (EXPLAIN ANALYZE),
 * and {@code -Dbench.h2-options=";CACHE_SIZE=131072"} to try H2 settings on the database URL.
 */
// Declared before @SpringBootTest so that it runs after Spring has closed the context
// (@DirtiesContext)
// and nothing can open the database again.
@ExtendWith(PeopleBench.DeleteDatabase.class)
@Tag("bench")
@EnabledIfSystemProperty(named = "bench", matches = "true")
@DirtiesContext
@SpringBootTest(
        properties = {
            "tandem.demo=false",
            "logging.level.root=WARN",
            "spring.main.banner-mode=off"
        })
class PeopleBench {

    static final int SMALL = 5_000;
    static final int LARGE = 100_000;
    static final int PAGE_SIZE = 25;

    static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () ->
                        "jdbc:h2:file:"
                                + DATA_DIR.resolve("tandem").toAbsolutePath()
                                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE"
                                + System.getProperty("bench.h2-options", ""));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired PeopleManagement people;
    @Autowired IdentityManagement identity;
    @Autowired MessageSource messageSource;
    MessageSourceAccessor messages;

    private final List<String[]> table = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    @Test
    void importAndSearch() throws IOException {
        messages = new MessageSourceAccessor(messageSource);
        double loadBefore = load();
        // A small import first so that the measured ones do not pay for class loading and JIT.
        importInto("bench-warm-up", new Population(1_000, 7L).csv());

        double small = importInto("bench-5k", new Population(SMALL, 1L).csv());
        row("import " + count(SMALL) + " rows (new)", seconds(small), "≤ 3 s", small <= 3.0);

        Population population = new Population(LARGE, 2L);
        byte[] large = population.csv();
        notes.add(
                String.format(
                        Locale.ROOT,
                        "the %s-row file is %.1f MB",
                        count(LARGE),
                        large.length / 1e6));
        OrganisationId organisation = organisation("bench-100k");
        double plan = time(() -> PeopleImport.plan(large, List.of(), messages));
        double full = time(() -> people.importCsv(organisation, large));
        row("import " + count(LARGE) + " rows (new)", seconds(full), "≤ 30 s", full <= 30.0);
        row("  reading and checking it alone (no database)", seconds(plan), "", true);
        double again = time(() -> people.importCsv(organisation, large));
        row(
                "import " + count(LARGE) + " rows (unchanged)",
                seconds(again),
                "≤ 30 s",
                again <= 30.0);
        searches(organisation, population);
        notes.add(
                String.format(
                        Locale.ROOT,
                        "system load average %.1f at the start, %.1f at the end: figures from a"
                                + " busy machine are higher",
                        loadBefore,
                        load()));
        print();
    }

    private void searches(OrganisationId organisation, Population population) {
        List<Search> queries = population.queries(new Random(3L));
        // One untimed pass, so the figures are of a warm application and database cache.
        for (Search search : queries) {
            search.run(people, organisation);
        }
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        long totalHits = 0;
        for (Search search : queries) {
            long start = System.nanoTime();
            Paged<PersonSummary> page = search.run(people, organisation);
            double millis = (System.nanoTime() - start) / 1e6;
            totalHits += page.total();
            all.add(millis);
            byKind.computeIfAbsent(search.kind(), k -> new ArrayList<>()).add(millis);
        }
        double p50 = percentile(all, 50);
        double p95 = percentile(all, 95);
        String n = all.size() + " queries, " + count(LARGE) + " people";
        row("search p50 (" + n + ")", millis(p50), "", true);
        row("search p95 (" + n + ")", millis(p95), "≤ 50 ms", p95 <= 50.0);
        row("search max (" + n + ")", millis(percentile(all, 100)), "", true);
        for (Map.Entry<String, List<Double>> kind : byKind.entrySet()) {
            double kindP95 = percentile(kind.getValue(), 95);
            row(
                    "  p95 " + kind.getKey() + " (" + kind.getValue().size() + ")",
                    millis(kindP95),
                    "≤ 50 ms",
                    kindP95 <= 50.0);
        }
        double values = time(() -> people.values(organisation)) * 1000;
        row("directory filter lists (full page load)", millis(values), "", true);
        notes.add(
                String.format(
                        Locale.ROOT,
                        "the timed searches matched %.0f people on average",
                        (double) totalHits / all.size()));
    }

    private double importInto(String slug, byte[] csv) {
        OrganisationId organisation = organisation(slug);
        return time(() -> people.importCsv(organisation, csv));
    }

    private OrganisationId organisation(String slug) {
        return identity.ensureOrganisation(slug + "-" + UUID.randomUUID(), "Bench " + slug);
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
    }

    /** Seconds that the action took. */
    private static double time(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private void row(String metric, String measured, String target, boolean ok) {
        table.add(
                new String[] {metric, measured, target, target.isEmpty() ? "" : ok ? "yes" : "NO"});
    }

    private void print() throws IOException {
        String[] header = {"metric", "measured", "target", "ok?"};
        int[] width = new int[header.length];
        for (String[] line : Stream.concat(Stream.<String[]>of(header), table.stream()).toList()) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder("\nPeopleBench (H2 file mode");
        out.append(System.getProperty("bench.h2-options", ""))
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(")\n");
        line(out, header, width);
        out.append(String.join("-|-", Arrays.stream(width).mapToObj("-"::repeat).toList()))
                .append('\n');
        table.forEach(line -> line(out, line, width));
        notes.forEach(note -> out.append("note: ").append(note).append('\n'));
        System.out.println(out);
        Path report = Paths.get("target", "people-bench.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out.toString(), StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        List<String> padded = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            padded.add(String.format("%-" + width[i] + "s", cells[i]));
        }
        out.append(String.join(" | ", padded).stripTrailing()).append('\n');
    }

    static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    private static String millis(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Deletes the database unless -Dbench.data-dir asked to keep it. */
    static final class DeleteDatabase implements AfterAllCallback {

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            if (!System.getProperty("bench.data-dir", "").isBlank()) {
                return;
            }
            try (Stream<Path> files = Files.walk(DATA_DIR)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static Path createDataDir() {
        try {
            String kept = System.getProperty("bench.data-dir", "");
            if (!kept.isBlank()) {
                return Files.createDirectories(Paths.get(kept));
            }
            return Files.createTempDirectory("tandem-people-bench");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One directory search as the directory page makes it. */
    record Search(String kind, DirectoryQuery query, int page) {

        Paged<PersonSummary> run(PeopleManagement people, OrganisationId organisation) {
            return people.search(organisation, query, PageQuery.of(page, PAGE_SIZE));
        }
    }

    /**
     * A made-up organisation as an HR system would export it: an eight-way manager tree, eight
     * divisions, twenty locations in their time zones, skills that follow the function, and the
     * local language plus English and sometimes more. The same seed gives the same file.
     */
    static final class Population {

        static final String[] DIVISIONS = {
            "Consumer Products",
            "Industrial Solutions",
            "Healthcare",
            "Energy",
            "Digital Services",
            "Corporate",
            "Logistics",
            "Research"
        };
        static final String[] FUNCTIONS = {
            "Sales",
            "Engineering",
            "Finance",
            "Human Resources",
            "Marketing",
            "Operations",
            "Legal",
            "Customer Service",
            "Procurement",
            "Product Management"
        };
        static final String[][] LOCATIONS = {
            {"London", "Europe/London", "English"},
            {"Manchester", "Europe/London", "English"},
            {"Berlin", "Europe/Berlin", "German"},
            {"Munich", "Europe/Berlin", "German"},
            {"Paris", "Europe/Paris", "French"},
            {"Madrid", "Europe/Madrid", "Spanish"},
            {"Milan", "Europe/Rome", "Italian"},
            {"Warsaw", "Europe/Warsaw", "Polish"},
            {"Stockholm", "Europe/Stockholm", "Swedish"},
            {"New York", "America/New_York", "English"},
            {"Chicago", "America/Chicago", "English"},
            {"Austin", "America/Chicago", "Spanish"},
            {"San Francisco", "America/Los_Angeles", "English"},
            {"Toronto", "America/Toronto", "French"},
            {"São Paulo", "America/Sao_Paulo", "Portuguese"},
            {"Mexico City", "America/Mexico_City", "Spanish"},
            {"Singapore", "Asia/Singapore", "Mandarin"},
            {"Tokyo", "Asia/Tokyo", "Japanese"},
            {"Bangalore", "Asia/Kolkata", "Hindi"},
            {"Sydney", "Australia/Sydney", "English"}
        };
        static final String[] EXTRA_LANGUAGES = {
            "French",
            "Spanish",
            "German",
            "Italian",
            "Hindi",
            "Portuguese",
            "Arabic",
            "Dutch",
            "Korean",
            "Turkish"
        };
        static final String[][] SKILLS = {
            {"Negotiation", "Account management", "Salesforce", "Pipeline forecasting", "CRM"},
            {"Java", "Python", "Kubernetes", "Cloud architecture", "Security", "Data engineering"},
            {"Financial modelling", "Budgeting", "IFRS", "Forecasting", "Excel", "Audit"},
            {"Coaching", "Talent development", "Employment law", "Workforce planning"},
            {"Brand strategy", "Digital marketing", "Market research", "Copywriting", "SEO"},
            {"Lean", "Supply chain", "Logistics", "Six Sigma", "Vendor management"},
            {"Contract law", "Compliance", "Data privacy", "Risk assessment"},
            {"Customer experience", "Conflict resolution", "Zendesk", "Onboarding"},
            {"Sourcing", "Supplier negotiation", "Category management", "SAP"},
            {"Roadmapping", "User research", "Product discovery", "Pricing"}
        };
        static final String[] SHARED_SKILLS = {
            "Public speaking",
            "Project management",
            "Leadership",
            "Stakeholder management",
            "Data analysis",
            "Change management",
            "Storytelling",
            "Mentoring"
        };
        static final String[] FIRST = {
            "Olivia",
            "Liam",
            "Emma",
            "Noah",
            "Ava",
            "Lucas",
            "Mia",
            "Leon",
            "Sofia",
            "Mateo",
            "Amelia",
            "Elias",
            "Hannah",
            "Arjun",
            "Chloe",
            "Kenji",
            "Grace",
            "Omar",
            "Isla",
            "Felix",
            "Zara",
            "Daniel",
            "Mei",
            "Tomasz",
            "Nina",
            "Ravi",
            "Clara",
            "Jonas",
            "Aisha",
            "Hugo",
            "Yuki",
            "Ethan",
            "Lena",
            "Diego",
            "Freya",
            "Wei",
            "Maya",
            "Oscar",
            "Leila",
            "Samuel",
            "Anna",
            "Pierre",
            "Lucía",
            "Giulia",
            "Sven",
            "Ingrid",
            "Kwame",
            "Ngozi",
            "Priya",
            "Rahul",
            "Hiroshi",
            "Sakura",
            "Min-jun",
            "Ji-woo",
            "Fatima",
            "Youssef",
            "Ana",
            "João",
            "Camila",
            "Andrés",
            "Olga",
            "Dmitri",
            "Zoë",
            "Noor",
            "Tariq",
            "Elif",
            "Mehmet",
            "Siobhan",
            "Aoife",
            "Connor",
            "Marta",
            "Piotr",
            "Katarzyna",
            "Lars",
            "Astrid",
            "Mateus",
            "Beatriz",
            "Chen",
            "Xin",
            "Thandiwe"
        };
        static final String[] LAST = {
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
            "Andersen",
            "Johansson",
            "Larsen",
            "Moreau",
            "Bernard",
            "Ferrari",
            "Romano",
            "Fernández",
            "González",
            "Hernández",
            "Pereira",
            "Santos",
            "Yamamoto",
            "Suzuki",
            "Watanabe",
            "Park",
            "Choi",
            "Wang",
            "Li",
            "Zhang",
            "Liu",
            "Kumar",
            "Sharma",
            "Gupta",
            "Iyer",
            "Mensah",
            "Adeyemi",
            "Haddad",
            "Khalil",
            "Yilmaz",
            "Demir",
            "Ivanova",
            "Petrov",
            "Nowak",
            "Wiśniewski",
            "Horvath",
            "Nagy",
            "Murphy",
            "Kelly",
            "Byrne",
            "Evans",
            "Roberts",
            "Campbell",
            "Stewart",
            "Anderson",
            "Thompson",
            "White",
            "Harris",
            "Clarke",
            "Lewis",
            "Walker",
            "Hall",
            "Young",
            "King",
            "Wright",
            "Scott",
            "Green",
            "Baker",
            "Adams",
            "Nelson",
            "Hill"
        };

        final int size;
        final Random random;
        final String[] firstNames;
        final String[] lastNames;
        final List<String> employeeIds = new ArrayList<>();
        final List<String> titles = new ArrayList<>();

        Population(int size, long seed) {
            this.size = size;
            this.random = new Random(seed);
            this.firstNames = new String[size];
            this.lastNames = new String[size];
        }

        /** The HR export; person i reports to person (i - 1) / 8, so the tree is six deep. */
        byte[] csv() {
            StringBuilder csv =
                    new StringBuilder(size * 220)
                            .append(
                                    "employee_id,email,first_name,last_name,title,level,division,"
                                            + "function,location,time_zone,work_mode,"
                                            + "manager_employee_id,languages,skills,status\r\n");
            int[] division = new int[size];
            for (int i = 0; i < size; i++) {
                division[i] = i == 0 ? 5 : i <= 8 ? i - 1 : division[(i - 1) / 8];
                int depth = depth(i);
                int function =
                        i == 0 ? 5 : (division[i] * 3 + random.nextInt(4)) % FUNCTIONS.length;
                String[] place =
                        LOCATIONS[(division[i] * 5 + random.nextInt(7)) % LOCATIONS.length];
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                firstNames[i] = first;
                lastNames[i] = last;
                String id = String.format(Locale.ROOT, "B%06d", i + 1);
                employeeIds.add(id);
                int level = Math.max(1, 9 - depth - random.nextInt(2));
                String title = title(FUNCTIONS[function], depth, level);
                titles.add(title);
                String mode =
                        switch (random.nextInt(10)) {
                            case 0, 1 -> "REMOTE";
                            case 2, 3, 4 -> "FIELD";
                            case 5 -> "";
                            default -> "HOME_OFFICE";
                        };
                Set<String> languages = new LinkedHashSet<>();
                languages.add(place[2]);
                languages.add("English");
                while (random.nextInt(3) == 0) {
                    languages.add(EXTRA_LANGUAGES[random.nextInt(EXTRA_LANGUAGES.length)]);
                }
                Set<String> skills = new LinkedHashSet<>();
                int count = 2 + random.nextInt(4);
                for (int s = 0; s < count; s++) {
                    String[] pool = SKILLS[function];
                    skills.add(pool[random.nextInt(pool.length)]);
                }
                skills.add(SHARED_SKILLS[random.nextInt(SHARED_SKILLS.length)]);
                if (depth <= 3) {
                    skills.add("Leadership");
                }
                String email =
                        ascii(first + "." + last).toLowerCase(Locale.ROOT)
                                + "."
                                + (i + 1)
                                + "@bench.example";
                csv.append(id)
                        .append(',')
                        .append(email)
                        .append(',')
                        .append(first)
                        .append(',')
                        .append(quote(last))
                        .append(',')
                        .append(title)
                        .append(',')
                        .append(level)
                        .append(',')
                        .append(DIVISIONS[division[i]])
                        .append(',')
                        .append(FUNCTIONS[function])
                        .append(',')
                        .append(place[0])
                        .append(',')
                        .append(place[1])
                        .append(',')
                        .append(mode)
                        .append(',')
                        .append(i == 0 ? "" : employeeIds.get((i - 1) / 8))
                        .append(',')
                        .append(String.join(";", languages))
                        .append(',')
                        .append(String.join(";", skills))
                        .append(',')
                        .append(random.nextInt(25) == 0 ? "INACTIVE" : "ACTIVE")
                        .append("\r\n");
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }

        /**
         * About 200 searches such as people make: fragments of names, e-mails, ids and titles;
         * single filters; filters combined with each other and with text; deeper pages.
         */
        List<Search> queries(Random random) {
            List<Search> queries = new ArrayList<>();
            queries.add(search("no filter", null, null, null, null, null, null, null, 0));
            for (int i = 0; i < 30; i++) {
                String name =
                        random.nextBoolean() ? pick(random, lastNames) : pick(random, firstNames);
                int length = Math.min(name.length(), 3 + random.nextInt(3));
                int from = random.nextInt(name.length() - length + 1);
                queries.add(
                        search(
                                "name fragment",
                                name.substring(from, from + length),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                0));
            }
            for (int i = 0; i < 15; i++) {
                int person = random.nextInt(size);
                queries.add(
                        search(
                                "full name",
                                firstNames[person] + " " + lastNames[person],
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                0));
            }
            for (int i = 0; i < 10; i++) {
                int person = random.nextInt(size);
                String q =
                        i % 2 == 0
                                ? employeeIds.get(person)
                                : ascii(lastNames[person]).toLowerCase(Locale.ROOT)
                                        + "."
                                        + (person + 1);
                queries.add(search("e-mail or id", q, null, null, null, null, null, null, 0));
            }
            for (int i = 0; i < 10; i++) {
                String[] words = pick(random, titles.toArray(String[]::new)).split(" ");
                queries.add(
                        search(
                                "title word",
                                pick(random, words),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                0));
            }
            for (int i = 0; i < 20; i++) {
                queries.add(search("skill", null, null, null, null, skill(random), null, null, 0));
            }
            for (int i = 0; i < 15; i++) {
                String division = pick(random, DIVISIONS);
                queries.add(
                        search(
                                "division",
                                null,
                                i % 3 == 0 ? division.toLowerCase(Locale.ROOT) : division,
                                null,
                                null,
                                null,
                                null,
                                null,
                                0));
            }
            for (int i = 0; i < 15; i++) {
                queries.add(
                        search(
                                "location",
                                null,
                                null,
                                null,
                                pick(random, LOCATIONS)[0],
                                null,
                                null,
                                null,
                                0));
            }
            for (int i = 0; i < 15; i++) {
                queries.add(
                        search(
                                "language",
                                null,
                                null,
                                null,
                                null,
                                null,
                                language(random),
                                null,
                                0));
            }
            for (int i = 0; i < 10; i++) {
                queries.add(
                        search(
                                "function + work mode",
                                null,
                                null,
                                pick(random, FUNCTIONS),
                                null,
                                null,
                                null,
                                pick(random, WorkMode.values()),
                                0));
            }
            for (int i = 0; i < 30; i++) {
                String[] place = pick(random, LOCATIONS);
                switch (i % 5) {
                    case 0 ->
                            queries.add(
                                    search(
                                            "combined",
                                            null,
                                            pick(random, DIVISIONS),
                                            null,
                                            null,
                                            skill(random),
                                            null,
                                            null,
                                            0));
                    case 1 ->
                            queries.add(
                                    search(
                                            "combined",
                                            null,
                                            null,
                                            null,
                                            place[0],
                                            null,
                                            language(random),
                                            null,
                                            0));
                    case 2 ->
                            queries.add(
                                    search(
                                            "combined",
                                            prefix(pick(random, lastNames), 3),
                                            pick(random, DIVISIONS),
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            0));
                    case 3 ->
                            queries.add(
                                    search(
                                            "combined",
                                            null,
                                            pick(random, DIVISIONS),
                                            pick(random, FUNCTIONS),
                                            place[0],
                                            skill(random),
                                            place[2],
                                            pick(random, WorkMode.values()),
                                            0));
                    default ->
                            queries.add(
                                    search(
                                            "combined",
                                            pick(random, firstNames),
                                            null,
                                            null,
                                            null,
                                            skill(random),
                                            "English",
                                            null,
                                            0));
                }
            }
            int[] pages = {1, 2, 5, 10, 40, 100, 400, 1000, 3000, 3999};
            for (int i = 0; i < 30; i++) {
                int page = pages[i % pages.length];
                queries.add(
                        switch (i % 3) {
                            case 0 ->
                                    search(
                                            "deeper page",
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            page);
                            case 1 ->
                                    search(
                                            "deeper page",
                                            null,
                                            pick(random, DIVISIONS),
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            Math.min(page, 400));
                            default ->
                                    search(
                                            "deeper page",
                                            null,
                                            null,
                                            null,
                                            null,
                                            skill(random),
                                            null,
                                            null,
                                            Math.min(page, 100));
                        });
            }
            return queries;
        }

        private static Search search(
                String kind,
                String q,
                String division,
                String function,
                String location,
                String skill,
                String language,
                WorkMode mode,
                int page) {
            return new Search(
                    kind,
                    new DirectoryQuery(q, division, function, location, skill, language, mode),
                    page);
        }

        private static String prefix(String text, int length) {
            return text.substring(0, Math.min(length, text.length()));
        }

        private static String skill(Random random) {
            return random.nextInt(4) == 0
                    ? pick(random, SHARED_SKILLS)
                    : pick(random, pick(random, SKILLS));
        }

        private static String language(Random random) {
            return random.nextBoolean()
                    ? pick(random, LOCATIONS)[2]
                    : pick(random, EXTRA_LANGUAGES);
        }

        private static <T> T pick(Random random, T[] values) {
            return values[random.nextInt(values.length)];
        }

        private static int depth(int i) {
            int depth = 0;
            while (i > 0) {
                i = (i - 1) / 8;
                depth++;
            }
            return depth;
        }

        private static String title(String function, int depth, int level) {
            if (depth == 0) {
                return "Chief Executive Officer";
            }
            if (depth == 1) {
                return "Head of " + function;
            }
            String grade = level >= 6 ? "Senior " : level <= 2 ? "Associate " : "";
            return switch (depth) {
                case 2 -> "Director of " + function;
                case 3, 4 -> grade + function + " Manager";
                default -> grade + function + " Specialist";
            };
        }

        private static String ascii(String text) {
            return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "")
                    .replace("ł", "l")
                    .replace("'", "");
        }

        private static String quote(String value) {
            return value.contains("'") || value.contains(",")
                    ? "\"" + value.replace("\"", "\"\"") + "\""
                    : value;
        }
    }
}
