package io.tandem.provisioning;

import static io.tandem.people.PeopleColumns.DIVISION;
import static io.tandem.people.PeopleColumns.EMAIL;
import static io.tandem.people.PeopleColumns.EMPLOYEE_ID;
import static io.tandem.people.PeopleColumns.FIRST_NAME;
import static io.tandem.people.PeopleColumns.FUNCTION;
import static io.tandem.people.PeopleColumns.LANGUAGES;
import static io.tandem.people.PeopleColumns.LAST_NAME;
import static io.tandem.people.PeopleColumns.LEVEL;
import static io.tandem.people.PeopleColumns.LOCATION;
import static io.tandem.people.PeopleColumns.MANAGER;
import static io.tandem.people.PeopleColumns.SKILLS;
import static io.tandem.people.PeopleColumns.STATUS;
import static io.tandem.people.PeopleColumns.TIME_ZONE;
import static io.tandem.people.PeopleColumns.TITLE;
import static io.tandem.people.PeopleColumns.WORK_MODE;

import io.tandem.people.PersonRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM User ↔ import cells: the one table both directions read. An attribute absent from a request
 * leaves the person's value as it is, as an absent CSV column does; an explicit {@code null} clears
 * it.
 *
 * <pre>
 * userName (= the e-mail)             email
 * name.givenName / name.familyName     first_name / last_name
 * title                                title
 * timezone                             time_zone
 * active                               status (ACTIVE | INACTIVE)
 * enterprise employeeNumber            employee_id
 * enterprise division / department     division / function
 * enterprise manager.value (a User id) manager_employee_id
 * tandem level, location, workMode     level, location, work_mode
 * tandem languages, skills (arrays)    languages, skills (;-separated)
 * </pre>
 */
final class ScimUserMapping {

    /** Which SCIM attribute each column is, for error messages. */
    static final Map<String, String> ATTRIBUTE_OF =
            Map.ofEntries(
                    Map.entry(EMPLOYEE_ID, "employeeNumber"),
                    Map.entry(EMAIL, "userName"),
                    Map.entry(FIRST_NAME, "name.givenName"),
                    Map.entry(LAST_NAME, "name.familyName"),
                    Map.entry(TITLE, "title"),
                    Map.entry(LEVEL, "level"),
                    Map.entry(DIVISION, "division"),
                    Map.entry(FUNCTION, "department"),
                    Map.entry(LOCATION, "location"),
                    Map.entry(TIME_ZONE, "timezone"),
                    Map.entry(WORK_MODE, "workMode"),
                    Map.entry(MANAGER, "manager"),
                    Map.entry(LANGUAGES, "languages"),
                    Map.entry(SKILLS, "skills"),
                    Map.entry(STATUS, "active"));

    /** What a request asked for: the changed cells, and the external id if it was given. */
    record Changes(Map<String, String> cells, boolean externalIdGiven, String externalId) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScimUserMapping() {}

    static ObjectNode toJson(
            PersonRecord person, String externalId, Map<String, PersonRecord> byEmployeeId) {
        ObjectNode user = NODES.objectNode();
        ArrayNode schemas = user.putArray("schemas");
        schemas.add(ScimSchemas.USER).add(ScimSchemas.ENTERPRISE).add(ScimSchemas.TANDEM);
        user.put("id", person.id().value().toString());
        if (externalId != null) {
            user.put("externalId", externalId);
        }
        user.put("userName", person.get(EMAIL));
        ObjectNode name = user.putObject("name");
        name.put("givenName", person.get(FIRST_NAME));
        name.put("familyName", person.get(LAST_NAME));
        name.put("formatted", person.get(FIRST_NAME) + " " + person.get(LAST_NAME));
        user.put("displayName", person.get(FIRST_NAME) + " " + person.get(LAST_NAME));
        putIfSet(user, "title", person.get(TITLE));
        putIfSet(user, "timezone", person.get(TIME_ZONE));
        user.put("active", !"INACTIVE".equals(person.get(STATUS)));
        ArrayNode emails = user.putArray("emails");
        emails.addObject().put("value", person.get(EMAIL)).put("type", "work").put("primary", true);

        enterprise(user.putObject(ScimSchemas.ENTERPRISE), person, byEmployeeId);
        tandem(user.putObject(ScimSchemas.TANDEM), person);
        return user;
    }

    /** The enterprise extension: employee number, division, department and manager. */
    private static void enterprise(
            ObjectNode enterprise, PersonRecord person, Map<String, PersonRecord> byEmployeeId) {
        enterprise.put("employeeNumber", person.get(EMPLOYEE_ID));
        putIfSet(enterprise, "division", person.get(DIVISION));
        putIfSet(enterprise, "department", person.get(FUNCTION));
        PersonRecord manager = byEmployeeId.get(person.get(MANAGER));
        if (manager != null) {
            enterprise
                    .putObject("manager")
                    .put("value", manager.id().value().toString())
                    .put("displayName", manager.get(FIRST_NAME) + " " + manager.get(LAST_NAME));
        }
    }

    /** Tandem's own extension: level, location, work mode, languages and skills. */
    private static void tandem(ObjectNode tandem, PersonRecord person) {
        if (!person.get(LEVEL).isEmpty()) {
            tandem.put("level", Integer.parseInt(person.get(LEVEL)));
        }
        putIfSet(tandem, "location", person.get(LOCATION));
        putIfSet(tandem, "workMode", person.get(WORK_MODE));
        putList(tandem, "languages", person.get(LANGUAGES));
        putList(tandem, "skills", person.get(SKILLS));
    }

    /** The filterable attributes of a user, keyed by lower-case path. */
    static Map<String, List<Object>> filterAttributes(PersonRecord person, String externalId) {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        values.put("id", List.of(person.id().value().toString()));
        values.put("externalid", externalId == null ? List.of() : List.of(externalId));
        values.put("username", List.of(person.get(EMAIL)));
        values.put("emails", List.of(person.get(EMAIL)));
        values.put("emails.value", List.of(person.get(EMAIL)));
        values.put("active", List.of(!"INACTIVE".equals(person.get(STATUS))));
        values.put("name.givenname", List.of(person.get(FIRST_NAME)));
        values.put("name.familyname", List.of(person.get(LAST_NAME)));
        values.put("displayname", List.of(person.get(FIRST_NAME) + " " + person.get(LAST_NAME)));
        values.put("title", List.of(person.get(TITLE)));
        values.put("employeenumber", List.of(person.get(EMPLOYEE_ID)));
        values.put("division", List.of(person.get(DIVISION)));
        values.put("department", List.of(person.get(FUNCTION)));
        return values;
    }

    static final Set<String> FILTERABLE =
            Set.of(
                    "id",
                    "externalid",
                    "username",
                    "emails",
                    "emails.value",
                    "active",
                    "name.givenname",
                    "name.familyname",
                    "displayname",
                    "title",
                    "employeenumber",
                    "division",
                    "department");

    static final Map<String, String> FILTER_ALIASES = filterAliases();

    private static Map<String, String> filterAliases() {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String path : FILTERABLE) {
            aliases.put(ScimSchemas.USER.toLowerCase(Locale.ROOT) + ":" + path, path);
        }
        for (String path : List.of("employeenumber", "division", "department")) {
            aliases.put(ScimSchemas.ENTERPRISE.toLowerCase(Locale.ROOT) + ":" + path, path);
        }
        return aliases;
    }

    /**
     * Reads the attributes a request body states.
     *
     * @param managerEmployeeId the employee id of a user id, or null when there is no such user
     * @throws ScimException {@code invalidSyntax} for an attribute no schema here defines, {@code
     *     invalidValue} for a value of the wrong type
     */
    static Changes fromJson(
            JsonNode body, java.util.function.Function<String, String> managerEmployeeId) {
        if (body == null || !body.isObject()) {
            throw ScimException.badRequest("invalidSyntax", "scim.body.object");
        }
        Map<String, String> cells = new LinkedHashMap<>();
        boolean externalIdGiven = false;
        String externalId = null;
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            switch (key) {
                case "schemas", "id", "meta", "displayName" -> {
                    // Read-only here or derived: the display name is the given and family names.
                }
                case "externalId" -> {
                    externalIdGiven = true;
                    externalId = text(value, "externalId");
                    if (externalId != null && externalId.length() > 320) {
                        throw ScimException.badRequest(
                                "invalidValue", "scim.value.too-long", "externalId", 320);
                    }
                }
                case "userName" -> cells.put(EMAIL, orEmpty(text(value, "userName")));
                case "name" -> name(value, cells);
                case "title" -> cells.put(TITLE, orEmpty(text(value, "title")));
                case "timezone" -> cells.put(TIME_ZONE, orEmpty(text(value, "timezone")));
                case "active" -> cells.put(STATUS, active(value) ? "ACTIVE" : "INACTIVE");
                case "emails" -> emails(value, body);
                case ScimSchemas.ENTERPRISE -> enterprise(value, cells, managerEmployeeId);
                case ScimSchemas.TANDEM -> tandem(value, cells);
                default -> throw unknown(key);
            }
        }
        return new Changes(cells, externalIdGiven, externalId);
    }

    private static void name(JsonNode value, Map<String, String> cells) {
        if (value.isNull()) {
            cells.put(FIRST_NAME, "");
            cells.put(LAST_NAME, "");
            return;
        }
        if (!value.isObject()) {
            throw ScimException.badRequest("invalidValue", "scim.value.object", "name");
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            switch (entry.getKey()) {
                case "givenName" ->
                        cells.put(FIRST_NAME, orEmpty(text(entry.getValue(), "name.givenName")));
                case "familyName" ->
                        cells.put(LAST_NAME, orEmpty(text(entry.getValue(), "name.familyName")));
                case "formatted" -> {
                    // Derived from the given and family names.
                }
                default -> throw unknown("name." + entry.getKey());
            }
        }
    }

    private static void emails(JsonNode value, JsonNode body) {
        if (value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            throw ScimException.badRequest("invalidValue", "scim.value.array", "emails");
        }
        String userName =
                body.path("userName").isString() ? body.path("userName").asString() : null;
        for (JsonNode email : value) {
            if (!email.isObject()) {
                throw ScimException.badRequest("invalidValue", "scim.value.object", "emails");
            }
            for (String field : email.propertyNames()) {
                if (!Set.of("value", "type", "primary", "display").contains(field)) {
                    throw unknown("emails." + field);
                }
            }
            String address = text(email.path("value"), "emails.value");
            // Tandem has one e-mail per person, and it is the user name.
            if (address != null
                    && userName != null
                    && email.path("primary").asBoolean(false)
                    && !address.equalsIgnoreCase(userName)) {
                throw ScimException.badRequest("invalidValue", "scim.emails.user-name");
            }
        }
    }

    private static void enterprise(
            JsonNode value,
            Map<String, String> cells,
            java.util.function.Function<String, String> managerEmployeeId) {
        if (!value.isObject()) {
            throw ScimException.badRequest(
                    "invalidValue", "scim.value.object", ScimSchemas.ENTERPRISE);
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode v = entry.getValue();
            switch (entry.getKey()) {
                case "employeeNumber" -> cells.put(EMPLOYEE_ID, orEmpty(text(v, "employeeNumber")));
                case "division" -> cells.put(DIVISION, orEmpty(text(v, "division")));
                case "department" -> cells.put(FUNCTION, orEmpty(text(v, "department")));
                case "manager" -> cells.put(MANAGER, manager(v, managerEmployeeId));
                default -> throw unknown(entry.getKey());
            }
        }
    }

    static String manager(
            JsonNode value, java.util.function.Function<String, String> managerEmployeeId) {
        String id;
        if (value.isNull()) {
            return "";
        } else if (value.isString()) {
            id = value.asString();
        } else if (value.isObject()) {
            for (String field : value.propertyNames()) {
                if (!Set.of("value", "$ref", "displayName").contains(field)) {
                    throw unknown("manager." + field);
                }
            }
            id = text(value.path("value"), "manager.value");
        } else {
            throw ScimException.badRequest("invalidValue", "scim.value.object", "manager");
        }
        if (id == null || id.isBlank()) {
            return "";
        }
        String employeeId = managerEmployeeId.apply(id.trim());
        if (employeeId == null) {
            throw ScimException.badRequest("invalidValue", "scim.manager.unknown", id);
        }
        return employeeId;
    }

    private static void tandem(JsonNode value, Map<String, String> cells) {
        if (!value.isObject()) {
            throw ScimException.badRequest("invalidValue", "scim.value.object", ScimSchemas.TANDEM);
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode v = entry.getValue();
            switch (entry.getKey()) {
                case "level" -> {
                    if (v.isNull()) {
                        cells.put(LEVEL, "");
                    } else if (v.isIntegralNumber() || v.isString()) {
                        cells.put(LEVEL, v.asString());
                    } else {
                        throw ScimException.badRequest(
                                "invalidValue", "scim.value.integer", "level");
                    }
                }
                case "location" -> cells.put(LOCATION, orEmpty(text(v, "location")));
                case "workMode" -> cells.put(WORK_MODE, orEmpty(text(v, "workMode")));
                case "languages" -> cells.put(LANGUAGES, list(v, "languages"));
                case "skills" -> cells.put(SKILLS, list(v, "skills"));
                default -> throw unknown(entry.getKey());
            }
        }
    }

    private static String list(JsonNode value, String attribute) {
        if (value.isNull()) {
            return "";
        }
        if (!value.isArray()) {
            throw ScimException.badRequest("invalidValue", "scim.value.array", attribute);
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            String text = text(item, attribute);
            if (text != null && text.contains(";")) {
                throw ScimException.badRequest("invalidValue", "scim.value.semicolon", attribute);
            }
            if (text != null && !text.isBlank()) {
                items.add(text);
            }
        }
        return String.join(";", items);
    }

    static boolean active(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        // Some identity providers send "True"/"False" as strings.
        if (value.isString()) {
            String text = value.asString().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return text.equals("true");
            }
        }
        throw ScimException.badRequest("invalidValue", "scim.value.boolean", "active");
    }

    private static String text(JsonNode value, String attribute) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isString()) {
            throw ScimException.badRequest("invalidValue", "scim.value.string", attribute);
        }
        return value.asString();
    }

    private static ScimException unknown(String attribute) {
        return ScimException.badRequest("invalidSyntax", "scim.attribute.unknown", attribute);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    private static void putList(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            ArrayNode array = node.putArray(field);
            for (String item : value.split(";")) {
                array.add(item);
            }
        }
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
