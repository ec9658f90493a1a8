package io.tandem.provisioning;

import static io.tandem.people.PeopleColumns.DIVISION;
import static io.tandem.people.PeopleColumns.EMAIL;
import static io.tandem.people.PeopleColumns.EMPLOYEE_ID;
import static io.tandem.people.PeopleColumns.FIRST_NAME;
import static io.tandem.people.PeopleColumns.LAST_NAME;
import static io.tandem.people.PeopleColumns.STATUS;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonRecord;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The provisioning module's API: SCIM Users and Groups of one organisation. Every write is one
 * transaction through {@link PeopleManagement#importRecords}, so a SCIM change and a CSV row with
 * the same cells do the same thing, and a refused request writes nothing.
 */
@Service
public class ProvisioningManagement {

    /** How many resources one page may hold. */
    public static final int MAX_COUNT = 200;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PeopleManagement people;
    private final ScimRecords records;
    private final MessageSourceAccessor messages;

    ProvisioningManagement(
            PeopleManagement people, ScimRecords records, MessageSource messageSource) {
        this.people = people;
        this.records = records;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    /** A page of resources in SCIM's list shape. */
    public record ScimPage(List<ObjectNode> resources, int startIndex, long totalResults) {}

    /** The organisation's people as SCIM sees them, loaded once per request. */
    private final class Directory {
        final List<PersonRecord> all;
        final Map<UUID, PersonRecord> byId = new HashMap<>();
        final Map<String, PersonRecord> byEmployeeId = new HashMap<>();
        final Map<String, PersonRecord> byEmail = new HashMap<>();
        final Map<UUID, ScimRecords.UserState> states;

        Directory(OrganisationId organisation) {
            all = people.records(organisation);
            states = records.users(organisation);
            for (PersonRecord person : all) {
                byId.put(person.id().value(), person);
                byEmployeeId.put(person.get(EMPLOYEE_ID), person);
                byEmail.put(person.get(EMAIL).toLowerCase(Locale.ROOT), person);
            }
        }

        boolean deleted(PersonRecord person) {
            var state = states.get(person.id().value());
            return state != null && state.deleted();
        }

        String externalId(PersonRecord person) {
            var state = states.get(person.id().value());
            return state == null ? null : state.externalId();
        }

        List<PersonRecord> visible() {
            return all.stream().filter(p -> !deleted(p)).toList();
        }

        PersonRecord user(String id) {
            UUID uuid = ScimUserMapping.parseId(id);
            PersonRecord person = uuid == null ? null : byId.get(uuid);
            if (person == null || deleted(person)) {
                throw new ScimException(HttpStatus.NOT_FOUND, null, "scim.user.not-found", id);
            }
            return person;
        }

        /** The employee id of the user with this SCIM id, or null: how a manager is named. */
        String employeeIdOf(String id) {
            UUID uuid = ScimUserMapping.parseId(id);
            PersonRecord person = uuid == null ? null : byId.get(uuid);
            return person == null || deleted(person) ? null : person.get(EMPLOYEE_ID);
        }

        ScimResource resource(PersonRecord person) {
            return versioned(ScimUserMapping.toJson(person, externalId(person), byEmployeeId));
        }
    }

    // ---- Users -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ScimPage users(
            OrganisationId organisation, String filter, Integer startIndex, Integer count) {
        Predicate<ScimFilter.Attributes> test =
                ScimFilter.parse(
                        filter, ScimUserMapping.FILTERABLE, ScimUserMapping.FILTER_ALIASES);
        Directory directory = new Directory(organisation);
        List<PersonRecord> matching =
                directory.visible().stream()
                        .filter(
                                p ->
                                        test.test(
                                                ScimFilter.of(
                                                        ScimUserMapping.filterAttributes(
                                                                p, directory.externalId(p)))))
                        .sorted(
                                Comparator.comparing(
                                                (PersonRecord p) ->
                                                        p.get(EMAIL).toLowerCase(Locale.ROOT))
                                        .thenComparing(p -> p.id().value()))
                        .toList();
        return page(matching, startIndex, count, p -> directory.resource(p).json());
    }

    @Transactional(readOnly = true)
    public ScimResource user(OrganisationId organisation, String id) {
        Directory directory = new Directory(organisation);
        return directory.resource(directory.user(id));
    }

    /**
     * Creates a user; a user deleted through SCIM before is brought back under the same id.
     *
     * @throws ScimException 409 {@code uniqueness} when another person has the user name or
     *     employee number
     */
    @Transactional
    public ScimResource createUser(OrganisationId organisation, JsonNode body) {
        Directory directory = new Directory(organisation);
        var changes = ScimUserMapping.fromJson(body, directory::employeeIdOf);
        String userName = changes.cells().getOrDefault(EMAIL, "");
        PersonRecord holder = directory.byEmail.get(userName.toLowerCase(Locale.ROOT));
        if (holder != null && directory.deleted(holder)) {
            return write(organisation, directory, holder, changes);
        }
        return write(organisation, directory, null, changes);
    }

    @Transactional
    public ScimResource replaceUser(
            OrganisationId organisation, String id, JsonNode body, String ifMatch) {
        Directory directory = new Directory(organisation);
        PersonRecord current = directory.user(id);
        checkVersion(directory.resource(current), ifMatch);
        return write(
                organisation,
                directory,
                current,
                ScimUserMapping.fromJson(body, directory::employeeIdOf));
    }

    @Transactional
    public ScimResource patchUser(
            OrganisationId organisation, String id, JsonNode body, String ifMatch) {
        Directory directory = new Directory(organisation);
        PersonRecord current = directory.user(id);
        ScimResource before = directory.resource(current);
        checkVersion(before, ifMatch);
        ObjectNode tree = before.json().deepCopy();
        tree.remove("meta");
        tree.remove("emails");
        for (JsonNode operation : operations(body)) {
            ScimPatch.applyToUser(tree, operation);
        }
        return write(
                organisation,
                directory,
                current,
                ScimUserMapping.fromJson(tree, directory::employeeIdOf));
    }

    /**
     * Deprovisions: the person becomes inactive exactly as a CSV row with status INACTIVE makes
     * them (their accounts are switched off and their active mentorships end, "left the
     * organisation"); nothing is deleted, and SCIM answers 404 for them from now on.
     */
    @Transactional
    public void deleteUser(OrganisationId organisation, String id, String ifMatch) {
        Directory directory = new Directory(organisation);
        PersonRecord current = directory.user(id);
        checkVersion(directory.resource(current), ifMatch);
        Map<String, String> cells = new LinkedHashMap<>(current.cells());
        cells.put(STATUS, "INACTIVE");
        importCells(organisation, List.of(cells));
        records.markDeleted(organisation, current.id().value(), directory.externalId(current));
    }

    private ScimResource write(
            OrganisationId organisation,
            Directory directory,
            PersonRecord current,
            ScimUserMapping.Changes changes) {
        Map<String, String> cells =
                current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current.cells());
        Map<String, String> asked = new LinkedHashMap<>(changes.cells());
        String employeeId = asked.remove(EMPLOYEE_ID);
        cells.putAll(asked);
        String userName = cells.getOrDefault(EMAIL, "").trim();
        if (userName.isEmpty()) {
            throw ScimException.badRequest("invalidValue", "scim.user-name.required");
        }
        employeeId = employeeId(current, employeeId, changes, userName);
        cells.put(EMPLOYEE_ID, employeeId);
        checkUnique(directory, current, userName, employeeId);
        importCells(organisation, List.of(cells));
        Directory after = new Directory(organisation);
        PersonRecord written = after.byEmployeeId.get(employeeId);
        String externalId =
                changes.externalIdGiven()
                        ? changes.externalId()
                        : current == null ? null : directory.externalId(current);
        records.save(organisation, written.id().value(), externalId);
        return new Directory(organisation).resource(written);
    }

    /**
     * The person's employee number: kept as it is once given (SCIM may not change it), else the one
     * asked for, else the identity provider's external id or, failing that, the user name.
     */
    private static String employeeId(
            PersonRecord current, String asked, ScimUserMapping.Changes changes, String userName) {
        if (current != null) {
            if (asked != null && !asked.isBlank() && !asked.equals(current.get(EMPLOYEE_ID))) {
                throw ScimException.badRequest("mutability", "scim.employee-number.immutable");
            }
            return current.get(EMPLOYEE_ID).trim();
        }
        if (asked == null || asked.isBlank()) {
            // Documented fallback: an identity provider that sends no employee number.
            return (changes.externalId() != null ? changes.externalId() : userName).trim();
        }
        return asked.trim();
    }

    /** Another person already holding the user name, or a new person's employee number: 409. */
    private static void checkUnique(
            Directory directory, PersonRecord current, String userName, String employeeId) {
        PersonRecord holder = directory.byEmail.get(userName.toLowerCase(Locale.ROOT));
        if (holder != null && (current == null || !holder.id().equals(current.id()))) {
            throw new ScimException(
                    HttpStatus.CONFLICT, "uniqueness", "scim.user-name.taken", userName);
        }
        if (current == null && directory.byEmployeeId.containsKey(employeeId)) {
            throw new ScimException(
                    HttpStatus.CONFLICT, "uniqueness", "scim.employee-number.taken", employeeId);
        }
    }

    private void importCells(OrganisationId organisation, List<Map<String, String>> cells) {
        try {
            people.importRecords(organisation, cells);
        } catch (InvalidInputException e) {
            List<String> details = new ArrayList<>();
            for (InputError error : e.errors()) {
                String attribute =
                        error.column() == null
                                ? null
                                : ScimUserMapping.ATTRIBUTE_OF.getOrDefault(
                                        error.column(), error.column());
                details.add(
                        attribute == null ? error.message() : attribute + ": " + error.message());
            }
            throw ScimException.badRequest(
                    "invalidValue", "scim.value.invalid", String.join("; ", details));
        }
    }

    // ---- Groups (divisions) --------------------------------------------------------------------

    private static final Set<String> GROUP_FILTERABLE = Set.of("id", "externalid", "displayname");

    private static final Map<String, String> GROUP_ALIASES =
            Map.of(
                    ScimSchemas.GROUP.toLowerCase(Locale.ROOT) + ":displayname", "displayname",
                    ScimSchemas.GROUP.toLowerCase(Locale.ROOT) + ":externalid", "externalid");

    /** A group's id: stable for its division name within the organisation. */
    static String groupId(OrganisationId organisation, String name) {
        return UUID.nameUUIDFromBytes(
                        (organisation.value() + "\n" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private Map<String, String> groupNames(OrganisationId organisation, Directory directory) {
        Map<String, String> groups = new java.util.TreeMap<>(records.groups(organisation));
        for (PersonRecord person : directory.visible()) {
            String division = person.get(DIVISION);
            if (!division.isEmpty()) {
                groups.putIfAbsent(division, null);
            }
        }
        return groups;
    }

    private String groupName(OrganisationId organisation, Directory directory, String id) {
        for (String name : groupNames(organisation, directory).keySet()) {
            if (groupId(organisation, name).equals(id)) {
                return name;
            }
        }
        throw new ScimException(HttpStatus.NOT_FOUND, null, "scim.group.not-found", id);
    }

    private ScimResource group(
            OrganisationId organisation,
            Directory directory,
            String name,
            String externalId,
            boolean withMembers) {
        ObjectNode group = NODES.objectNode();
        group.putArray("schemas").add(ScimSchemas.GROUP);
        group.put("id", groupId(organisation, name));
        if (externalId != null) {
            group.put("externalId", externalId);
        }
        group.put("displayName", name);
        ArrayNode members = group.putArray("members");
        directory.visible().stream()
                .filter(p -> p.get(DIVISION).equals(name))
                .sorted(Comparator.comparing(p -> p.id().value()))
                .forEach(
                        p ->
                                members.addObject()
                                        .put("value", p.id().value().toString())
                                        .put("display", p.get(FIRST_NAME) + " " + p.get(LAST_NAME))
                                        .put("type", "User"));
        ScimResource resource = versioned(group);
        if (!withMembers) {
            resource.json().remove("members");
        }
        return resource;
    }

    @Transactional(readOnly = true)
    public ScimPage groups(
            OrganisationId organisation,
            String filter,
            Integer startIndex,
            Integer count,
            boolean withMembers) {
        Predicate<ScimFilter.Attributes> test =
                ScimFilter.parse(filter, GROUP_FILTERABLE, GROUP_ALIASES);
        Directory directory = new Directory(organisation);
        List<Map.Entry<String, String>> matching =
                groupNames(organisation, directory).entrySet().stream()
                        .filter(
                                g -> {
                                    Map<String, List<Object>> values = new HashMap<>();
                                    values.put("id", List.of(groupId(organisation, g.getKey())));
                                    values.put("displayname", List.of(g.getKey()));
                                    values.put(
                                            "externalid",
                                            g.getValue() == null
                                                    ? List.of()
                                                    : List.of(g.getValue()));
                                    return test.test(ScimFilter.of(values));
                                })
                        .toList();
        return page(
                matching,
                startIndex,
                count,
                g -> group(organisation, directory, g.getKey(), g.getValue(), withMembers).json());
    }

    @Transactional(readOnly = true)
    public ScimResource group(OrganisationId organisation, String id, boolean withMembers) {
        Directory directory = new Directory(organisation);
        String name = groupName(organisation, directory, id);
        return group(
                organisation, directory, name, records.groups(organisation).get(name), withMembers);
    }

    @Transactional
    public ScimResource createGroup(OrganisationId organisation, JsonNode body) {
        Directory directory = new Directory(organisation);
        ScimPatch.GroupChanges changes = ScimPatch.groupFromJson(body);
        String name = changes.displayName();
        if (name == null || name.isBlank()) {
            throw ScimException.badRequest("invalidValue", "scim.group.name.required");
        }
        if (name.length() > 200) {
            throw ScimException.badRequest(
                    "invalidValue", "scim.value.too-long", "displayName", 200);
        }
        if (groupNames(organisation, directory).containsKey(name)) {
            throw new ScimException(HttpStatus.CONFLICT, "uniqueness", "scim.group.taken", name);
        }
        records.saveGroup(organisation, name, changes.externalId());
        setMembers(
                organisation, directory, name, Set.of(), memberIds(directory, changes.members()));
        return group(organisation, new Directory(organisation), name, changes.externalId(), true);
    }

    @Transactional
    public ScimResource replaceGroup(
            OrganisationId organisation, String id, JsonNode body, String ifMatch) {
        Directory directory = new Directory(organisation);
        String name = groupName(organisation, directory, id);
        String externalId = records.groups(organisation).get(name);
        checkVersion(group(organisation, directory, name, externalId, true), ifMatch);
        ScimPatch.GroupChanges changes = ScimPatch.groupFromJson(body);
        if (changes.displayName() != null && !changes.displayName().equals(name)) {
            throw ScimException.badRequest("mutability", "scim.group.rename");
        }
        records.saveGroup(
                organisation, name, changes.externalIdGiven() ? changes.externalId() : externalId);
        setMembers(
                organisation,
                directory,
                name,
                members(directory, name),
                changes.members() == null ? Set.of() : memberIds(directory, changes.members()));
        return group(organisation, new Directory(organisation), name, changes.externalId(), true);
    }

    @Transactional
    public ScimResource patchGroup(
            OrganisationId organisation, String id, JsonNode body, String ifMatch) {
        Directory directory = new Directory(organisation);
        String name = groupName(organisation, directory, id);
        String externalId = records.groups(organisation).get(name);
        checkVersion(group(organisation, directory, name, externalId, true), ifMatch);
        Set<UUID> before = members(directory, name);
        Set<UUID> after = new LinkedHashSet<>(before);
        String[] newExternalId = {externalId};
        for (JsonNode operation : operations(body)) {
            ScimPatch.applyToGroup(
                    operation,
                    name,
                    after,
                    value -> memberIds(directory, List.of(value)).iterator().next(),
                    value -> newExternalId[0] = value);
        }
        records.saveGroup(organisation, name, newExternalId[0]);
        setMembers(organisation, directory, name, before, after);
        return group(organisation, new Directory(organisation), name, newExternalId[0], true);
    }

    /** Removes the group: its members keep no division; the people themselves stay. */
    @Transactional
    public void deleteGroup(OrganisationId organisation, String id, String ifMatch) {
        Directory directory = new Directory(organisation);
        String name = groupName(organisation, directory, id);
        checkVersion(
                group(organisation, directory, name, records.groups(organisation).get(name), true),
                ifMatch);
        setMembers(organisation, directory, name, members(directory, name), Set.of());
        records.deleteGroup(organisation, name);
    }

    private Set<UUID> members(Directory directory, String name) {
        Set<UUID> members = new TreeSet<>();
        directory.visible().stream()
                .filter(p -> p.get(DIVISION).equals(name))
                .forEach(p -> members.add(p.id().value()));
        return members;
    }

    private Set<UUID> memberIds(Directory directory, List<String> values) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (values == null) {
            return ids;
        }
        for (String value : values) {
            UUID id = ScimUserMapping.parseId(value);
            PersonRecord person = id == null ? null : directory.byId.get(id);
            if (person == null || directory.deleted(person)) {
                throw ScimException.badRequest("invalidValue", "scim.group.member.unknown", value);
            }
            ids.add(id);
        }
        return ids;
    }

    /** Moves people into and out of the division, through the same import path. */
    private void setMembers(
            OrganisationId organisation,
            Directory directory,
            String name,
            Set<UUID> before,
            Set<UUID> after) {
        List<Map<String, String>> changed = new ArrayList<>();
        for (UUID id : before) {
            if (!after.contains(id)) {
                Map<String, String> cells = new LinkedHashMap<>(directory.byId.get(id).cells());
                cells.put(DIVISION, "");
                changed.add(cells);
            }
        }
        for (UUID id : after) {
            if (!before.contains(id)) {
                Map<String, String> cells = new LinkedHashMap<>(directory.byId.get(id).cells());
                cells.put(DIVISION, name);
                changed.add(cells);
            }
        }
        if (!changed.isEmpty()) {
            importCells(organisation, changed);
        }
    }

    // ---- Shared ------------------------------------------------------------------------------

    private static List<JsonNode> operations(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.badRequest("invalidSyntax", "scim.body.object");
        }
        boolean patchSchema = false;
        for (JsonNode schema : body.path("schemas")) {
            patchSchema |= ScimSchemas.PATCH.equals(schema.asString(""));
        }
        JsonNode operations = body.path("Operations");
        if (!patchSchema || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.badRequest("invalidSyntax", "scim.patch.shape");
        }
        for (String field : body.propertyNames()) {
            if (!field.equals("schemas") && !field.equals("Operations")) {
                throw ScimException.badRequest("invalidSyntax", "scim.attribute.unknown", field);
            }
        }
        List<JsonNode> list = new ArrayList<>();
        operations.forEach(list::add);
        return list;
    }

    private static <T> ScimPage page(
            List<T> matching,
            Integer startIndex,
            Integer count,
            java.util.function.Function<T, ObjectNode> json) {
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? 100 : Math.max(0, Math.min(MAX_COUNT, count));
        int from = Math.min(matching.size(), start - 1);
        int to = Math.min(matching.size(), from + size);
        return new ScimPage(
                matching.subList(from, to).stream().map(json).toList(), start, matching.size());
    }

    private static void checkVersion(ScimResource current, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            if (tag.trim().equals(current.etag())) {
                return;
            }
        }
        throw new ScimException(HttpStatus.PRECONDITION_FAILED, null, "scim.version.stale");
    }

    /** Adds {@code meta.version}: a weak tag of everything else the resource says. */
    private static ScimResource versioned(ObjectNode json) {
        String etag = "W/\"" + sha256(json.toString()).substring(0, 20) + "\"";
        ObjectNode meta = json.putObject("meta");
        meta.put("resourceType", json.has("userName") ? "User" : "Group");
        meta.put("version", etag);
        return new ScimResource(json, etag);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refusal's text, resolved once here so the web layer stays free of message codes. */
    public String detail(ScimException refusal) {
        return messages.getMessage(refusal.code(), refusal.arguments(), refusal.code());
    }
}
