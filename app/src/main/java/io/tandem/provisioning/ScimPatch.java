package io.tandem.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM PATCH operations (RFC 7644 section 3.5.2) applied to a resource's JSON, which is then
 * written like a replacement. A removed attribute becomes an explicit {@code null}, which clears
 * it.
 */
final class ScimPatch {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Set<String> ROOT =
            Set.of("externalId", "userName", "name", "title", "timezone", "active", "displayName");
    private static final Set<String> NAME = Set.of("givenName", "familyName", "formatted");
    private static final Set<String> ENTERPRISE =
            Set.of("employeeNumber", "division", "department", "manager");
    private static final Set<String> TANDEM =
            Set.of("level", "location", "workMode", "languages", "skills");
    private static final Set<String> LISTS = Set.of("languages", "skills");
    private static final Pattern EMAILS = Pattern.compile("(?i)emails(\\[[^\\]]*\\])?(\\.value)?");
    private static final Pattern MEMBER =
            Pattern.compile("(?i)members\\[\\s*value\\s+eq\\s+\"([^\"]+)\"\\s*\\]");

    private ScimPatch() {}

    /** What a group body states. */
    record GroupChanges(
            String displayName, boolean externalIdGiven, String externalId, List<String> members) {}

    static void applyToUser(ObjectNode user, JsonNode operation) {
        String op = op(operation);
        JsonNode value = operation.path("value");
        JsonNode pathNode = operation.path("path");
        if (pathNode.isMissingNode() || pathNode.isNull()) {
            applyWithoutPath(user, op, value);
            return;
        }
        String path = pathNode.asString("").trim();
        Target target = Target.of(path);
        if ((op.equals("add") || op.equals("replace")) && value.isMissingNode()) {
            throw ScimException.badRequest("invalidValue", "scim.patch.value-missing", path);
        }
        JsonNode newValue = op.equals("remove") ? NODES.nullNode() : value;
        if (target.container() == null) {
            applyToCore(user, target.attribute(), path, op, value, newValue);
        } else {
            applyToExtension(user, target, path, op, value, newValue);
        }
    }

    /** An operation without a path: its value is an object of attributes to merge. */
    private static void applyWithoutPath(ObjectNode user, String op, JsonNode value) {
        if (op.equals("remove")) {
            throw ScimException.badRequest("noTarget", "scim.patch.no-target");
        }
        if (!value.isObject()) {
            throw ScimException.badRequest("invalidValue", "scim.patch.value-object");
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            merge(user, entry.getKey(), entry.getValue(), op);
        }
    }

    /**
     * Where a path points: an attribute of the core schema ({@code container} null; a full URN
     * prefix of the core schema is dropped) or of the enterprise or Tandem extension.
     */
    private record Target(String container, String attribute) {

        static Target of(String path) {
            for (String container : List.of(ScimSchemas.ENTERPRISE, ScimSchemas.TANDEM)) {
                if (prefixed(path, container)) {
                    return new Target(container, path.substring(container.length() + 1));
                }
            }
            return prefixed(path, ScimSchemas.USER)
                    ? new Target(null, path.substring(ScimSchemas.USER.length() + 1))
                    : new Target(null, path);
        }

        private static boolean prefixed(String path, String urn) {
            return path.regionMatches(true, 0, urn + ":", 0, urn.length() + 1);
        }
    }

    private static void applyToCore(
            ObjectNode user,
            String attribute,
            String path,
            String op,
            JsonNode value,
            JsonNode newValue) {
        if (EMAILS.matcher(attribute).matches()) {
            // Tandem's one e-mail is the user name.
            if (!op.equals("remove")) {
                user.put("userName", address(value));
            }
            return;
        }
        String[] parts = attribute.split("\\.", 2);
        if (parts.length == 2 && parts[0].equals("name") && NAME.contains(parts[1])) {
            ObjectNode name =
                    user.path("name").isObject()
                            ? (ObjectNode) user.get("name")
                            : user.putObject("name");
            name.set(parts[1], newValue);
            return;
        }
        if (!ROOT.contains(attribute)) {
            throw ScimException.badRequest("invalidPath", "scim.patch.path", path);
        }
        user.set(attribute, newValue);
    }

    /** The address in an {@code emails} value: a list of objects, one object or a string. */
    private static String address(JsonNode value) {
        String address =
                value.isArray()
                        ? value.path(0).path("value").asString(null)
                        : value.isObject()
                                ? value.path("value").asString(null)
                                : value.asString(null);
        if (address == null) {
            throw ScimException.badRequest("invalidValue", "scim.value.string", "emails");
        }
        return address;
    }

    private static void applyToExtension(
            ObjectNode user,
            Target target,
            String path,
            String op,
            JsonNode value,
            JsonNode newValue) {
        String container = target.container();
        String attribute =
                target.attribute().equals("manager.value") ? "manager" : target.attribute();
        Set<String> allowed = container.equals(ScimSchemas.ENTERPRISE) ? ENTERPRISE : TANDEM;
        if (!allowed.contains(attribute)) {
            throw ScimException.badRequest("invalidPath", "scim.patch.path", path);
        }
        ObjectNode extension =
                user.path(container).isObject()
                        ? (ObjectNode) user.get(container)
                        : user.putObject(container);
        extension.set(
                attribute,
                op.equals("add") && LISTS.contains(attribute)
                        ? appended(extension.path(attribute), value)
                        : newValue);
    }

    private static void merge(ObjectNode user, String key, JsonNode value, String op) {
        if (key.equals("emails")) {
            applyToUser(
                    user,
                    NODES.objectNode().put("op", op).put("path", "emails").set("value", value));
            return;
        }
        if (value.isObject() && user.path(key).isObject() && !key.equals("manager")) {
            ObjectNode target = (ObjectNode) user.get(key);
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                JsonNode v = entry.getValue();
                if (op.equals("add") && LISTS.contains(entry.getKey())) {
                    v = appended(target.path(entry.getKey()), v);
                }
                target.set(entry.getKey(), v);
            }
        } else {
            user.set(key, value);
        }
    }

    private static JsonNode appended(JsonNode existing, JsonNode added) {
        ArrayNode result = NODES.arrayNode();
        List<String> seen = new ArrayList<>();
        for (JsonNode item : existing.isArray() ? existing : NODES.arrayNode()) {
            result.add(item);
            seen.add(item.asString("").toLowerCase(Locale.ROOT));
        }
        for (JsonNode item : added.isArray() ? added : NODES.arrayNode().add(added)) {
            if (!seen.contains(item.asString("").toLowerCase(Locale.ROOT))) {
                result.add(item);
            }
        }
        return result;
    }

    static GroupChanges groupFromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.badRequest("invalidSyntax", "scim.body.object");
        }
        String displayName = null;
        boolean externalIdGiven = false;
        String externalId = null;
        List<String> members = null;
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            JsonNode value = entry.getValue();
            switch (entry.getKey()) {
                case "schemas", "id", "meta" -> {}
                case "displayName" -> displayName = string(value, "displayName");
                case "externalId" -> {
                    externalIdGiven = true;
                    externalId = string(value, "externalId");
                }
                case "members" -> members = memberValues(value);
                default ->
                        throw ScimException.badRequest(
                                "invalidSyntax", "scim.attribute.unknown", entry.getKey());
            }
        }
        return new GroupChanges(displayName, externalIdGiven, externalId, members);
    }

    /**
     * Applies one operation to a group's member set; a rename is refused, since a group is its
     * division's name.
     */
    static void applyToGroup(
            JsonNode operation,
            String name,
            Set<UUID> members,
            Function<String, UUID> member,
            Consumer<String> externalId) {
        String op = op(operation);
        JsonNode value = operation.path("value");
        String path = operation.path("path").asString("").trim();
        if (path.isEmpty()) {
            applyToGroupWithoutPath(op, value, name, members, member, externalId);
            return;
        }
        Matcher one = MEMBER.matcher(path);
        if (one.matches() && op.equals("remove")) {
            UUID id = ScimUserMapping.parseId(one.group(1));
            if (id != null) {
                members.remove(id);
            }
            return;
        }
        switch (path) {
            case "members" -> applyToMembers(op, value, members, member);
            case "displayName" -> {
                if (op.equals("remove") || !name.equals(value.asString(""))) {
                    throw ScimException.badRequest("mutability", "scim.group.rename");
                }
            }
            case "externalId" ->
                    externalId.accept(op.equals("remove") ? null : string(value, "externalId"));
            default -> throw ScimException.badRequest("invalidPath", "scim.patch.path", path);
        }
    }

    /** An operation without a path: its value is a group body to merge (or replace members). */
    private static void applyToGroupWithoutPath(
            String op,
            JsonNode value,
            String name,
            Set<UUID> members,
            Function<String, UUID> member,
            Consumer<String> externalId) {
        if (op.equals("remove")) {
            throw ScimException.badRequest("noTarget", "scim.patch.no-target");
        }
        if (!value.isObject()) {
            throw ScimException.badRequest("invalidValue", "scim.patch.value-object");
        }
        GroupChanges changes = groupFromJson(value);
        if (changes.displayName() != null && !changes.displayName().equals(name)) {
            throw ScimException.badRequest("mutability", "scim.group.rename");
        }
        if (changes.externalIdGiven()) {
            externalId.accept(changes.externalId());
        }
        if (changes.members() != null) {
            if (op.equals("replace")) {
                members.clear();
            }
            changes.members().forEach(v -> members.add(member.apply(v)));
        }
    }

    /** {@code path: members}: remove some or all, add, or replace the set. */
    private static void applyToMembers(
            String op, JsonNode value, Set<UUID> members, Function<String, UUID> member) {
        if (op.equals("remove")) {
            if (value.isMissingNode() || value.isNull()) {
                members.clear();
            } else {
                memberValues(value).forEach(v -> members.remove(ScimUserMapping.parseId(v)));
            }
            return;
        }
        if (op.equals("replace")) {
            members.clear();
        }
        memberValues(value).forEach(v -> members.add(member.apply(v)));
    }

    private static List<String> memberValues(JsonNode value) {
        if (value.isNull()) {
            return List.of();
        }
        JsonNode array = value.isArray() ? value : NODES.arrayNode().add(value);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isObject() || !item.path("value").isString()) {
                throw ScimException.badRequest("invalidValue", "scim.group.member.shape");
            }
            for (String field : item.propertyNames()) {
                if (!Set.of("value", "display", "$ref", "type").contains(field)) {
                    throw ScimException.badRequest(
                            "invalidSyntax", "scim.attribute.unknown", "members." + field);
                }
            }
            ids.add(item.path("value").asString());
        }
        return ids;
    }

    private static String op(JsonNode operation) {
        if (!operation.isObject()) {
            throw ScimException.badRequest("invalidSyntax", "scim.patch.shape");
        }
        for (String field : operation.propertyNames()) {
            if (!Set.of("op", "path", "value").contains(field)) {
                throw ScimException.badRequest("invalidSyntax", "scim.attribute.unknown", field);
            }
        }
        String op = operation.path("op").asString("").toLowerCase(Locale.ROOT);
        if (!Set.of("add", "replace", "remove").contains(op)) {
            throw ScimException.badRequest("invalidSyntax", "scim.patch.op", op);
        }
        return op;
    }

    private static String string(JsonNode value, String attribute) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ScimException.badRequest("invalidValue", "scim.value.string", attribute);
        }
        return value.asString();
    }
}
