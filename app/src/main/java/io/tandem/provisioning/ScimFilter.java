package io.tandem.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A parsed SCIM filter (RFC 7644 section 3.4.2.2), evaluated in memory against a resource's
 * attributes, so no part of a filter ever reaches SQL. Supports {@code eq ne co sw ew pr}, {@code
 * and}, {@code or}, {@code not (...)} and parentheses, with {@code and} binding tighter than {@code
 * or}. Attribute names are case-insensitive; string comparisons are case-insensitive except on
 * {@code id} and {@code externalId}, which are case-exact.
 */
final class ScimFilter {

    /** A resource's filterable attributes, keyed by lower-case attribute path. */
    interface Attributes {
        List<Object> values(String path);
    }

    private static final Set<String> CASE_EXACT = Set.of("id", "externalid");

    private final String text;
    private final Set<String> known;
    private final Map<String, String> aliases;
    private int position;

    private ScimFilter(String text, Set<String> known, Map<String, String> aliases) {
        this.text = text;
        this.known = known;
        this.aliases = aliases;
    }

    /**
     * @param known the lower-case attribute paths that may be filtered on
     * @param aliases other spellings (lower case) of known paths, such as a schema-qualified name
     * @throws ScimException {@code invalidFilter} naming what is wrong
     */
    static Predicate<Attributes> parse(
            String text, Set<String> known, Map<String, String> aliases) {
        if (text == null || text.isBlank()) {
            return attributes -> true;
        }
        if (text.length() > 2000) {
            throw invalid("scim.filter.too-long");
        }
        ScimFilter parser = new ScimFilter(text, known, aliases);
        Predicate<Attributes> filter = parser.or();
        parser.skipSpaces();
        if (parser.position < text.length()) {
            throw invalid("scim.filter.unexpected", parser.rest());
        }
        return filter;
    }

    private Predicate<Attributes> or() {
        Predicate<Attributes> left = and();
        while (keyword("or")) {
            Predicate<Attributes> right = and();
            Predicate<Attributes> l = left;
            left = a -> l.test(a) || right.test(a);
        }
        return left;
    }

    private Predicate<Attributes> and() {
        Predicate<Attributes> left = term();
        while (keyword("and")) {
            Predicate<Attributes> right = term();
            Predicate<Attributes> l = left;
            left = a -> l.test(a) && right.test(a);
        }
        return left;
    }

    private Predicate<Attributes> term() {
        skipSpaces();
        if (keyword("not")) {
            skipSpaces();
            expect('(');
            Predicate<Attributes> inner = or();
            expect(')');
            return inner.negate();
        }
        if (peek() == '(') {
            position++;
            Predicate<Attributes> inner = or();
            expect(')');
            return inner;
        }
        return comparison();
    }

    private Predicate<Attributes> comparison() {
        String path = attributePath();
        String operator = word().toLowerCase(Locale.ROOT);
        if (operator.equals("pr")) {
            return a -> a.values(path).stream().anyMatch(v -> v != null && !"".equals(v));
        }
        if (!Set.of("eq", "ne", "co", "sw", "ew").contains(operator)) {
            throw invalid(
                    operator.isEmpty() ? "scim.filter.operator-missing" : "scim.filter.operator",
                    operator.isEmpty() ? path : operator);
        }
        Object value = value();
        boolean exact = CASE_EXACT.contains(path);
        Predicate<Object> match = v -> compare(operator, v, value, exact);
        if (operator.equals("ne")) {
            return a -> a.values(path).stream().noneMatch(v -> compare("eq", v, value, exact));
        }
        return a -> a.values(path).stream().anyMatch(match);
    }

    private static boolean compare(String operator, Object actual, Object expected, boolean exact) {
        if (actual == null || expected == null) {
            return operator.equals("eq") && actual == expected;
        }
        if (actual instanceof Boolean || expected instanceof Boolean) {
            return operator.equals("eq") && actual.equals(expected);
        }
        String a = actual.toString();
        String e = expected.toString();
        if (!exact) {
            a = a.toLowerCase(Locale.ROOT);
            e = e.toLowerCase(Locale.ROOT);
        }
        return switch (operator) {
            case "eq" -> a.equals(e);
            case "co" -> a.contains(e);
            case "sw" -> a.startsWith(e);
            case "ew" -> a.endsWith(e);
            default -> false;
        };
    }

    private String attributePath() {
        skipSpaces();
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (Character.isLetterOrDigit(c)
                    || c == '.'
                    || c == ':'
                    || c == '_'
                    || c == '-'
                    || c == '$') {
                position++;
            } else {
                break;
            }
        }
        String path = text.substring(start, position).toLowerCase(Locale.ROOT);
        if (path.isEmpty()) {
            throw invalid("scim.filter.attribute-missing", rest());
        }
        String resolved = aliases.getOrDefault(path, path);
        if (!known.contains(resolved)) {
            throw invalid("scim.filter.attribute", text.substring(start, position));
        }
        return resolved;
    }

    private Object value() {
        skipSpaces();
        if (peek() == '"') {
            position++;
            return quoted();
        }
        String word = word();
        switch (word.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                if (word.matches("-?\\d+(\\.\\d+)?")) {
                    return word;
                }
                throw invalid(
                        word.isEmpty() ? "scim.filter.value-missing" : "scim.filter.value", word);
        }
    }

    /** A JSON string after its opening quote, up to and past its closing one. */
    private String quoted() {
        StringBuilder out = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
            } else if (position < text.length()) {
                out.append(escaped(text.charAt(position++)));
            } else {
                break;
            }
        }
        throw invalid("scim.filter.string");
    }

    /** The character a backslash escape stands for; a u escape reads its four hex digits. */
    private char escaped(char escape) {
        switch (escape) {
            case 'n':
                return '\n';
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'u':
                if (position + 4 > text.length()) {
                    throw invalid("scim.filter.string");
                }
                try {
                    char unicode =
                            (char) Integer.parseInt(text.substring(position, position + 4), 16);
                    position += 4;
                    return unicode;
                } catch (NumberFormatException e) {
                    throw invalid("scim.filter.string");
                }
            default:
                return escape;
        }
    }

    private boolean keyword(String keyword) {
        skipSpaces();
        int end = position + keyword.length();
        if (end <= text.length()
                && text.substring(position, end).equalsIgnoreCase(keyword)
                && (end == text.length() || text.charAt(end) == ' ' || text.charAt(end) == '(')) {
            position = end;
            return true;
        }
        return false;
    }

    private String word() {
        skipSpaces();
        int start = position;
        while (position < text.length()
                && text.charAt(position) != ' '
                && text.charAt(position) != ')'
                && text.charAt(position) != '(') {
            position++;
        }
        return text.substring(start, position);
    }

    private void expect(char c) {
        skipSpaces();
        if (peek() != c) {
            throw invalid("scim.filter.expected", String.valueOf(c), rest());
        }
        position++;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : 0;
    }

    private void skipSpaces() {
        while (position < text.length() && text.charAt(position) == ' ') {
            position++;
        }
    }

    private String rest() {
        return position >= text.length() ? "(end)" : text.substring(position);
    }

    private static ScimException invalid(String code, Object... arguments) {
        return ScimException.badRequest("invalidFilter", code, arguments);
    }

    /** Attributes from a plain map, for resources built in memory. */
    static Attributes of(Map<String, List<Object>> values) {
        return path -> values.getOrDefault(path, new ArrayList<>());
    }
}
