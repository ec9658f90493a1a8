package io.tandem.people;

import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.web.StorableText;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * Reads an HR-system CSV export and works out, without touching the database, what an import would
 * create and update, or every error that refuses it. Columns absent from the file leave the stored
 * values as they are.
 */
final class PeopleImport {

    static final String EMPLOYEE_ID = PeopleColumns.EMPLOYEE_ID;
    static final String EMAIL = PeopleColumns.EMAIL;
    static final String FIRST_NAME = PeopleColumns.FIRST_NAME;
    static final String LAST_NAME = PeopleColumns.LAST_NAME;
    static final String TITLE = PeopleColumns.TITLE;
    static final String LEVEL = PeopleColumns.LEVEL;
    static final String DIVISION = PeopleColumns.DIVISION;
    static final String FUNCTION = PeopleColumns.FUNCTION;
    static final String LOCATION = PeopleColumns.LOCATION;
    static final String TIME_ZONE = PeopleColumns.TIME_ZONE;
    static final String WORK_MODE = PeopleColumns.WORK_MODE;
    static final String MANAGER = PeopleColumns.MANAGER;
    static final String LANGUAGES = PeopleColumns.LANGUAGES;
    static final String SKILLS = PeopleColumns.SKILLS;
    static final String STATUS = PeopleColumns.STATUS;

    static final List<String> COLUMNS = PeopleColumns.ALL;
    static final List<String> REQUIRED = List.of(EMPLOYEE_ID, EMAIL, FIRST_NAME, LAST_NAME);

    static final String DEFAULT_TIME_ZONE = "UTC";
    private static final int MAX_TEXT = 200;

    /** The column's size: an id longer than this was a database error, not a cell error. */
    static final int MAX_EMPLOYEE_ID = 100;

    private static final int MAX_LIST = 4000;
    private static final Pattern EMAIL_PATTERN =
            Pattern.compile("^[^@\\s;,<>\"]+@[^@\\s;,<>\"]+\\.[^@\\s;,<>\"]+$");

    /** What the import will write. */
    record Plan(
            List<PersonRow> inserts,
            List<PersonRow> updates,
            int unchanged,
            List<String> warnings) {

        ImportResult result() {
            return new ImportResult(inserts.size(), updates.size(), unchanged, warnings);
        }
    }

    private record Line(int row, Map<String, String> cells) {

        String get(String column) {
            return cells.get(column);
        }

        boolean has(String column) {
            return cells.containsKey(column);
        }
    }

    private final MessageSourceAccessor messages;
    private final List<InputError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private PeopleImport(MessageSourceAccessor messages) {
        this.messages = messages;
    }

    static Plan plan(byte[] file, List<PersonRow> existing, MessageSourceAccessor messages) {
        return new PeopleImport(messages).plan(file, existing);
    }

    /**
     * Plans records given cell by cell, as if each were a row of a file with every column: the path
     * SCIM provisioning takes, so it validates and merges exactly as a CSV import does.
     */
    static Plan plan(
            List<Map<String, String>> records,
            List<PersonRow> existing,
            MessageSourceAccessor messages) {
        PeopleImport planner = new PeopleImport(messages);
        List<Line> lines = new ArrayList<>();
        int row = 2;
        for (Map<String, String> record : records) {
            Map<String, String> cells = new LinkedHashMap<>();
            record.forEach(
                    (column, value) -> {
                        if (COLUMNS.contains(column)) {
                            cells.put(column, value == null ? "" : value.trim());
                        }
                    });
            lines.add(new Line(row++, cells));
        }
        Plan plan = planner.build(lines, existing);
        if (!planner.errors.isEmpty()) {
            throw planner.refuse("import.refused", planner.errors);
        }
        return plan;
    }

    /** The person as an import row would state them: the inverse of {@link #merge}. */
    static Map<String, String> cells(PersonRow person, Map<UUID, String> employeeIdOf) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put(EMPLOYEE_ID, person.employeeId());
        cells.put(EMAIL, person.email());
        cells.put(FIRST_NAME, orEmpty(person.firstName()));
        cells.put(LAST_NAME, orEmpty(person.lastName()));
        cells.put(TITLE, orEmpty(person.title()));
        cells.put(LEVEL, person.level() == null ? "" : person.level().toString());
        cells.put(DIVISION, orEmpty(person.division()));
        cells.put(FUNCTION, orEmpty(person.function()));
        cells.put(LOCATION, orEmpty(person.location()));
        cells.put(TIME_ZONE, orEmpty(person.timeZone()));
        cells.put(WORK_MODE, person.workMode() == null ? "" : person.workMode().name());
        cells.put(
                MANAGER,
                person.managerId() == null ? "" : orEmpty(employeeIdOf.get(person.managerId())));
        cells.put(LANGUAGES, String.join(";", person.languages()));
        cells.put(SKILLS, String.join(";", person.skills()));
        cells.put(STATUS, person.status().name());
        return cells;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private Plan plan(byte[] file, List<PersonRow> existing) {
        String text = decode(file);
        if (text.isBlank()) {
            throw refuse("import.empty", List.of());
        }
        List<CSVRecord> records = parse(text);
        List<String> header = header(records.get(0));
        if (!errors.isEmpty()) {
            throw refuse("import.refused", errors);
        }
        List<Line> lines = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            int row = (int) record.getRecordNumber();
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (record.size() != header.size()) {
                error(row, null, "import.width", record.size(), header.size());
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (COLUMNS.contains(header.get(i))) {
                    cells.put(header.get(i), record.get(i).trim());
                }
            }
            lines.add(new Line(row, cells));
        }
        Plan plan = build(lines, existing);
        if (!errors.isEmpty()) {
            errors.sort(
                    Comparator.comparing(InputError::row, Comparator.nullsFirst(Integer::compare))
                            .thenComparing(
                                    e -> e.column() == null ? -1 : COLUMNS.indexOf(e.column())));
            throw refuse("import.refused", errors);
        }
        return plan;
    }

    private String decode(byte[] file) {
        int start = 0;
        if (file.length >= 3
                && (file[0] & 0xFF) == 0xEF
                && (file[1] & 0xFF) == 0xBB
                && (file[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file, start, file.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw refuse("import.not-utf8", List.of());
        }
    }

    private List<CSVRecord> parse(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            return parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw refuse("import.malformed", List.of(), e.getMessage());
        }
    }

    private List<String> header(CSVRecord first) {
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : first) {
            String column =
                    name.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            header.add(column);
            if (!column.isEmpty() && !seen.add(column) && COLUMNS.contains(column)) {
                error(1, column, "import.header.duplicate");
            }
        }
        if (header.stream().noneMatch(COLUMNS::contains)) {
            errors.clear();
            error(1, null, "import.header.missing", String.join(", ", REQUIRED));
            return header;
        }
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                error(1, column, "import.header.required");
            }
        }
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                warnings.add(messages.getMessage("import.header.unknown", new Object[] {column}));
            }
        }
        return header;
    }

    private Plan build(List<Line> lines, List<PersonRow> existing) {
        Map<String, PersonRow> byEmployeeId = new HashMap<>();
        Map<String, PersonRow> byEmail = new HashMap<>();
        Map<UUID, PersonRow> byId = new HashMap<>();
        for (PersonRow person : existing) {
            byEmployeeId.put(person.employeeId(), person);
            byEmail.put(person.emailKey(), person);
            byId.put(person.id(), person);
        }

        Map<String, Integer> employeeRows = new HashMap<>();
        Map<String, Integer> emailRows = new HashMap<>();
        Map<String, UUID> idOfEmployee = new HashMap<>();
        for (PersonRow person : existing) {
            idOfEmployee.put(person.employeeId(), person.id());
        }
        for (Line line : lines) {
            check(line, employeeRows, emailRows, idOfEmployee);
        }
        checkEmailsTaken(lines, byEmail, employeeRows);
        Map<UUID, Integer> rowOfId = new HashMap<>();
        List<PersonRow> finals = merged(lines, byEmployeeId, idOfEmployee, rowOfId);
        checkCycles(finals, byId, rowOfId);
        return plan(finals, byId);
    }

    /**
     * An e-mail may move between people in one file, so a line's address is compared with the
     * people the file leaves alone.
     */
    private void checkEmailsTaken(
            List<Line> lines, Map<String, PersonRow> byEmail, Map<String, Integer> employeeRows) {
        for (Line line : lines) {
            String email = line.get(EMAIL);
            String employeeId = line.get(EMPLOYEE_ID);
            if (email == null || email.isEmpty() || employeeId == null) {
                continue;
            }
            PersonRow holder = byEmail.get(email.toLowerCase(Locale.ROOT));
            if (holder != null
                    && !holder.employeeId().equals(employeeId)
                    && !employeeRows.containsKey(holder.employeeId())) {
                error(line.row(), EMAIL, "import.email.taken", email, holder.employeeId());
            }
        }
    }

    /** Each line merged with the person it updates, once per person; {@code rowOfId} filled. */
    private List<PersonRow> merged(
            List<Line> lines,
            Map<String, PersonRow> byEmployeeId,
            Map<String, UUID> idOfEmployee,
            Map<UUID, Integer> rowOfId) {
        List<PersonRow> finals = new ArrayList<>();
        for (Line line : lines) {
            String employeeId = line.get(EMPLOYEE_ID);
            if (employeeId == null || employeeId.isEmpty()) {
                continue;
            }
            UUID id = idOfEmployee.get(employeeId);
            PersonRow merged = merge(line, id, byEmployeeId.get(employeeId), idOfEmployee);
            // A repeated employee id is already an error; its cells are still checked.
            if (rowOfId.putIfAbsent(id, line.row()) == null) {
                finals.add(merged);
            }
        }
        return finals;
    }

    /**
     * One line's own cells: storable text, the required columns, an employee id and an e-mail not
     * seen on an earlier line. A new employee id gets its person's id here, so that a manager named
     * on any line of the file is known.
     */
    private void check(
            Line line,
            Map<String, Integer> employeeRows,
            Map<String, Integer> emailRows,
            Map<String, UUID> idOfEmployee) {
        line.cells()
                .forEach(
                        (column, value) -> {
                            if (!StorableText.storable(value)) {
                                error(line.row(), column, "import.unstorable");
                            }
                        });
        String employeeId = required(line, EMPLOYEE_ID);
        if (employeeId != null && employeeId.length() > MAX_EMPLOYEE_ID) {
            error(line.row(), EMPLOYEE_ID, "import.too-long", MAX_EMPLOYEE_ID);
        }
        String email = required(line, EMAIL);
        required(line, FIRST_NAME);
        required(line, LAST_NAME);
        if (employeeId != null) {
            Integer earlier = employeeRows.putIfAbsent(employeeId, line.row());
            if (earlier != null) {
                error(line.row(), EMPLOYEE_ID, "import.employee-id.duplicate", employeeId, earlier);
            }
            idOfEmployee.computeIfAbsent(employeeId, id -> UUID.randomUUID());
        }
        if (email == null) {
            return;
        }
        if (email.length() > 320 || !EMAIL_PATTERN.matcher(email).matches()) {
            error(line.row(), EMAIL, "import.email.invalid", email);
            return;
        }
        Integer earlier = emailRows.putIfAbsent(email.toLowerCase(Locale.ROOT), line.row());
        if (earlier != null) {
            error(line.row(), EMAIL, "import.email.duplicate", email, earlier);
        }
    }

    /** The people as the file leaves them, sorted into new, changed and unchanged. */
    private Plan plan(List<PersonRow> finals, Map<UUID, PersonRow> byId) {
        List<PersonRow> inserts = new ArrayList<>();
        List<PersonRow> updates = new ArrayList<>();
        int unchanged = 0;
        for (PersonRow person : finals) {
            PersonRow before = byId.get(person.id());
            if (before == null) {
                inserts.add(person);
            } else if (before.equals(person)) {
                unchanged++;
            } else {
                updates.add(person);
            }
        }
        return new Plan(inserts, updates, unchanged, List.copyOf(warnings));
    }

    private PersonRow merge(Line line, UUID id, PersonRow before, Map<String, UUID> idOfEmployee) {
        String email = line.get(EMAIL);
        String firstName = text(line, FIRST_NAME, before == null ? null : before.firstName());
        String lastName = text(line, LAST_NAME, before == null ? null : before.lastName());
        String title = text(line, TITLE, before == null ? null : before.title());
        String division = text(line, DIVISION, before == null ? null : before.division());
        String function = text(line, FUNCTION, before == null ? null : before.function());
        String location = text(line, LOCATION, before == null ? null : before.location());

        Integer level = level(line, before == null ? null : before.level());
        String timeZone = timeZone(line, before == null ? DEFAULT_TIME_ZONE : before.timeZone());
        WorkMode workMode = workMode(line, before == null ? null : before.workMode());
        PersonStatus status = status(line, before == null ? PersonStatus.ACTIVE : before.status());
        UUID managerId = manager(line, before == null ? null : before.managerId(), idOfEmployee);
        List<String> languages =
                list(line, LANGUAGES, before == null ? List.of() : before.languages());
        List<String> skills = list(line, SKILLS, before == null ? List.of() : before.skills());

        return new PersonRow(
                id,
                line.get(EMPLOYEE_ID),
                email,
                firstName,
                lastName,
                title,
                level,
                division,
                function,
                location,
                timeZone,
                workMode,
                managerId,
                status,
                languages,
                skills,
                before == null ? List.of() : before.skillsWanted(),
                before == null ? null : before.aspiredDivision(),
                before == null ? null : before.aspiredLocation(),
                before == null ? null : before.bio());
    }

    // Each column below: the line's value when it has the column (empty clears it), else the
    // value before; a value that does not parse is an error on its row and column.

    private Integer level(Line line, Integer before) {
        if (!line.has(LEVEL) || line.get(LEVEL).isEmpty()) {
            return line.has(LEVEL) ? null : before;
        }
        String value = line.get(LEVEL);
        try {
            int level = Integer.parseInt(value);
            if (level < 0 || level > 99) {
                error(line.row(), LEVEL, "import.level.range", value);
            }
            return level;
        } catch (NumberFormatException e) {
            error(line.row(), LEVEL, "import.level.invalid", value);
            return null;
        }
    }

    private String timeZone(Line line, String before) {
        if (!line.has(TIME_ZONE)) {
            return before;
        }
        String value = line.get(TIME_ZONE);
        if (value.isEmpty()) {
            return DEFAULT_TIME_ZONE;
        }
        if (!PeopleManagement.isTimeZone(value)) {
            error(line.row(), TIME_ZONE, "import.time-zone.invalid", value);
            return before;
        }
        return value;
    }

    private WorkMode workMode(Line line, WorkMode before) {
        if (!line.has(WORK_MODE)) {
            return before;
        }
        String value = line.get(WORK_MODE);
        if (value.isEmpty()) {
            return null;
        }
        WorkMode workMode = WorkMode.parse(value).orElse(null);
        if (workMode == null) {
            error(line.row(), WORK_MODE, "import.work-mode.invalid", value);
        }
        return workMode;
    }

    private PersonStatus status(Line line, PersonStatus before) {
        if (!line.has(STATUS)) {
            return before;
        }
        String value = line.get(STATUS).toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            return PersonStatus.ACTIVE;
        }
        if (value.equals("ACTIVE") || value.equals("INACTIVE")) {
            return PersonStatus.valueOf(value);
        }
        error(line.row(), STATUS, "import.status.invalid", line.get(STATUS));
        return before;
    }

    private UUID manager(Line line, UUID before, Map<String, UUID> idOfEmployee) {
        if (!line.has(MANAGER)) {
            return before;
        }
        String manager = line.get(MANAGER);
        if (manager.isEmpty()) {
            return null;
        }
        if (manager.equals(line.get(EMPLOYEE_ID))) {
            error(line.row(), MANAGER, "import.manager.self", manager);
            return null;
        }
        if (!idOfEmployee.containsKey(manager)) {
            error(line.row(), MANAGER, "import.manager.unknown", manager);
            return null;
        }
        return idOfEmployee.get(manager);
    }

    private void checkCycles(
            List<PersonRow> finals, Map<UUID, PersonRow> existing, Map<UUID, Integer> rowOfId) {
        Map<UUID, UUID> managerOf = new HashMap<>();
        Map<UUID, String> employeeIdOf = new HashMap<>();
        for (PersonRow person : existing.values()) {
            managerOf.put(person.id(), person.managerId());
            employeeIdOf.put(person.id(), person.employeeId());
        }
        for (PersonRow person : finals) {
            managerOf.put(person.id(), person.managerId());
            employeeIdOf.put(person.id(), person.employeeId());
        }
        Set<UUID> safe = new HashSet<>();
        Set<UUID> reported = new HashSet<>();
        for (PersonRow person : finals) {
            LinkedHashSet<UUID> path = new LinkedHashSet<>();
            UUID current = person.id();
            while (current != null && !safe.contains(current) && path.add(current)) {
                current = managerOf.get(current);
            }
            if (current != null && !safe.contains(current)) {
                List<UUID> loop = loopFrom(path, current);
                List<String> names = new ArrayList<>();
                loop.forEach(id -> names.add(employeeIdOf.get(id)));
                names.add(employeeIdOf.get(current));
                for (UUID id : loop) {
                    Integer row = rowOfId.get(id);
                    if (row != null && reported.add(id)) {
                        error(row, MANAGER, "import.manager.cycle", String.join(" → ", names));
                    }
                }
                path.removeAll(loop);
            }
            safe.addAll(path);
        }
    }

    /** The part of a walk up the managers that goes round: from where it met itself again. */
    private static List<UUID> loopFrom(Set<UUID> path, UUID met) {
        List<UUID> loop = new ArrayList<>();
        boolean inLoop = false;
        for (UUID id : path) {
            inLoop |= id.equals(met);
            if (inLoop) {
                loop.add(id);
            }
        }
        return loop;
    }

    private String required(Line line, String column) {
        String value = line.get(column);
        if (value == null || value.isEmpty()) {
            error(line.row(), column, "import.required");
            return null;
        }
        return value;
    }

    private String text(Line line, String column, String before) {
        if (!line.has(column)) {
            return before;
        }
        String value = line.get(column);
        if (value.length() > MAX_TEXT) {
            error(line.row(), column, "import.too-long", MAX_TEXT);
        }
        return value.isEmpty() ? null : value;
    }

    private List<String> list(Line line, String column, List<String> before) {
        if (!line.has(column)) {
            return before;
        }
        String value = line.get(column);
        if (value.length() > MAX_LIST) {
            error(line.row(), column, "import.too-long", MAX_LIST);
        }
        return Tags.parse(value);
    }

    private void error(Integer row, String column, String code, Object... args) {
        errors.add(new InputError(null, row, column, messages.getMessage(code, args)));
    }

    private InvalidInputException refuse(String code, List<InputError> all, Object... args) {
        return InvalidInputException.unprocessable(messages.getMessage(code, args), all);
    }
}
