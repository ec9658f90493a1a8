package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every text a client can send in a request body or page form (a record's {@code String} field, or
 * the elements of its {@code List<String>}) carries a {@code @Size} maximum, and where a text
 * column of the same name exists, that maximum fits the smallest such column as the database
 * reports it. Records are found from the routes Spring MVC knows, so a new route or a new field
 * cannot forget its size.
 */
@TandemIntegrationTest
class FieldSizesIntegrationTests {

    /**
     * The table each request or form record is stored in (its fields are looked up there by their
     * snake_case name); "" for a record stored nowhere as such. A record with text fields that is
     * missing here fails the test, so a new form has to say where it goes.
     */
    static final Map<String, String> TABLES =
            Map.ofEntries(
                    Map.entry("ActionForm", "action_item"),
                    Map.entry("AgreementForm", "agreement"),
                    Map.entry("Answer", "self_match_request"),
                    Map.entry("AuditFilter", "audit_entry"),
                    Map.entry("CheckInForm", "check_in_answer"),
                    Map.entry("Decision", "enrolment"),
                    Map.entry("EndRequest", "mentorship"),
                    Map.entry("EnrolmentForm", "enrolment"),
                    Map.entry("EnrolmentRequest", "enrolment"),
                    Map.entry("GoalForm", "goal"),
                    Map.entry("Invitation", "enrolment"),
                    Map.entry("MeetingRequest", "meeting"),
                    Map.entry("ManagerForm", "person"),
                    Map.entry("MessageForm", "message"),
                    Map.entry("PostMessage", "message"),
                    Map.entry("MilestoneForm", "milestone"),
                    Map.entry("MoveForm", "meeting"),
                    Map.entry("NewToken", "api_token"),
                    Map.entry("TokenForm", "api_token"),
                    Map.entry("NoteForm", "note"),
                    Map.entry("OfficeHourForm", ""),
                    Map.entry("ProgressForm", "goal_update"),
                    Map.entry("SurveyForm", "closure_survey"),
                    Map.entry("PasswordForm", "account"),
                    Map.entry("PlanForm", "meeting"),
                    Map.entry("ProfileForm", "person"),
                    Map.entry("ProgramDraft", "program"),
                    Map.entry("ProgramForm", "program"),
                    Map.entry("RulesForm", ""),
                    Map.entry("Search", ""),
                    Map.entry("Segment", "person"),
                    Map.entry("SegmentForm", "person"),
                    Map.entry("SendRequest", "self_match_request"),
                    Map.entry("SsoPageForm", "sso_settings"),
                    Map.entry("StartRun", "match_run"));

    /** Fields stored under another name: "Record.field" → "table.column". */
    static final Map<String, String> STORED_AS =
            Map.of(
                    "Decision.note", "enrolment.decision_note",
                    "EndRequest.reason", "mentorship.end_reason",
                    "MeetingRequest.address", "meeting.location",
                    "MeetingRequest.link", "meeting.location",
                    "PlanForm.address", "meeting.location",
                    "PlanForm.link", "meeting.location",
                    "MessageForm.text", "message.body",
                    "PostMessage.text", "message.body",
                    "AuditFilter.actor", "account.email",
                    "Invitation.emails", "person.email");

    /** Parameters that are not input: the signed-in user, resolved from the session. */
    static final Set<String> NOT_INPUT = Set.of("TandemUser");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired JdbcClient jdbc;

    @Test
    void everyTextFieldOfARequestHasASizeThatFitsItsColumn() {
        Map<String, Integer> byTableColumn = new HashMap<>();
        jdbc.sql(
                        "select lower(table_name) t, lower(column_name) c, character_maximum_length n"
                                + " from information_schema.columns where table_schema = current_schema()"
                                + " and character_maximum_length is not null"
                                + " and character_maximum_length < 1000000")
                .query(
                        (rs, i) -> {
                            byTableColumn.put(
                                    rs.getString("t") + "." + rs.getString("c"), rs.getInt("n"));
                            return null;
                        })
                .list();
        assertThat(byTableColumn).as("the database reports text column sizes").isNotEmpty();

        Set<Class<?>> records = new LinkedHashSet<>();
        for (HandlerMethod method : mappings.getHandlerMethods().values()) {
            if (!method.getBeanType().getPackageName().startsWith("io.tandem")) {
                continue;
            }
            for (MethodParameter parameter : method.getMethodParameters()) {
                Class<?> type = parameter.getParameterType();
                if (type.isRecord()
                        && type.getPackageName().startsWith("io.tandem")
                        && !parameter.hasParameterAnnotation(PathVariable.class)
                        && !parameter.hasParameterAnnotation(RequestParam.class)
                        && !type.getSimpleName().endsWith("Id")
                        && !NOT_INPUT.contains(type.getSimpleName())) {
                    collect(type, records);
                }
            }
        }
        assertThat(records).as("request and form records found").hasSizeGreaterThan(10);

        Map<String, String> wrong = new TreeMap<>();
        int checked = 0;
        for (Class<?> record : records) {
            for (RecordComponent component : record.getRecordComponents()) {
                Integer max = textMax(component);
                if (max == null) {
                    continue; // not text
                }
                checked++;
                String field = record.getSimpleName() + "." + component.getName();
                String table = TABLES.get(record.getSimpleName());
                if (table == null) {
                    wrong.put(field, "record not in TABLES: where is it stored?");
                    continue;
                }
                String column =
                        STORED_AS.getOrDefault(field, table + "." + snake(component.getName()));
                if (STORED_AS.containsKey(field)) {
                    assertThat(byTableColumn).as(field + " is stored in").containsKey(column);
                }
                Integer room = byTableColumn.get(column);
                if (max < 0) {
                    wrong.put(
                            field,
                            "no @Size maximum"
                                    + (room == null ? "" : " (column holds " + room + ")"));
                } else if (room != null && max > room) {
                    wrong.put(field, "@Size(max = " + max + ") but the column holds " + room);
                }
            }
        }
        System.out.printf(
                "field sizes: %d text fields of %d records checked%n", checked, records.size());
        assertThat(wrong).as("text fields whose size does not fit the database").isEmpty();
    }

    @Autowired MockMvc mvc;

    /**
     * Every text field of every API request body, one character over its size, is refused with 422
     * naming the field (before the route looks at its path: random ids are enough).
     */
    @Test
    void theApiRefusesEveryOverLongFieldNamingIt() throws Exception {
        int sent = 0;
        Map<String, String> wrong = new TreeMap<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod method = entry.getValue();
            for (MethodParameter parameter : method.getMethodParameters()) {
                Class<?> type = parameter.getParameterType();
                if (!parameter.hasParameterAnnotation(RequestBody.class) || !type.isRecord()) {
                    continue;
                }
                for (String pattern : entry.getKey().getPatternValues()) {
                    if (!pattern.startsWith("/api/")) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    for (var verb : entry.getKey().getMethodsCondition().getMethods()) {
                        for (RecordComponent component : type.getRecordComponents()) {
                            Integer max = textMax(component);
                            if (max == null || max < 0 || component.getType() != String.class) {
                                continue;
                            }
                            String body =
                                    "{\""
                                            + component.getName()
                                            + "\":\""
                                            + "x".repeat(max + 1)
                                            + "\"}";
                            var answer =
                                    mvc.perform(
                                                    MockMvcRequestBuilders.request(
                                                                    HttpMethod.valueOf(verb.name()),
                                                                    path)
                                                            .header(
                                                                    HttpHeaders.AUTHORIZATION,
                                                                    "Bearer test-bootstrap-token")
                                                            .contentType(MediaType.APPLICATION_JSON)
                                                            .content(body))
                                            .andReturn()
                                            .getResponse();
                            sent++;
                            String said = answer.getContentAsString(StandardCharsets.UTF_8);
                            if (answer.getStatus() != 422
                                    || !said.contains(
                                            "\"field\":\"" + component.getName() + "\"")) {
                                wrong.put(
                                        verb + " " + pattern + " " + component.getName(),
                                        answer.getStatus() + " " + said);
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("field sizes: %d over-long API fields sent%n", sent);
        assertThat(sent).as("over-long fields sent").isGreaterThan(30);
        assertThat(wrong).as("over-long fields not refused with 422 naming the field").isEmpty();
    }

    private static void collect(Class<?> type, Set<Class<?>> records) {
        if (!records.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> nested = component.getType();
            if (nested.isRecord() && nested.getPackageName().startsWith("io.tandem")) {
                collect(nested, records);
            }
            if (component.getAnnotatedType() instanceof AnnotatedParameterizedType generic) {
                for (AnnotatedType argument : generic.getAnnotatedActualTypeArguments()) {
                    if (argument.getType() instanceof Class<?> element
                            && element.isRecord()
                            && element.getPackageName().startsWith("io.tandem")) {
                        collect(element, records);
                    }
                }
            }
        }
    }

    /**
     * The {@code @Size} maximum of a text component (or of its list's elements), -1 when it has
     * none, or null when the component is not text.
     */
    private static Integer textMax(RecordComponent component) {
        if (component.getType() == String.class) {
            Size size = component.getAccessor().getAnnotation(Size.class);
            if (size == null) {
                size = component.getAnnotation(Size.class);
            }
            return size == null || size.max() == Integer.MAX_VALUE ? -1 : size.max();
        }
        if (component.getAnnotatedType() instanceof AnnotatedParameterizedType generic
                && generic.getAnnotatedActualTypeArguments().length == 1
                && generic.getAnnotatedActualTypeArguments()[0].getType() == String.class) {
            Size size = generic.getAnnotatedActualTypeArguments()[0].getAnnotation(Size.class);
            return size == null || size.max() == Integer.MAX_VALUE ? -1 : size.max();
        }
        return null;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
