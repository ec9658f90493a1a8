package io.tandem.messaging;

import static io.tandem.TestOrganisations.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.Role;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramAccess;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramFormat;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Conversations through the module API, the pages and the REST API: who may read, every rule on
 * input, double posts, the edit window, unread counts, reports, events and streams.
 */
@TandemIntegrationTest
@RecordApplicationEvents
class MessagingIntegrationTests {

    /** Mia mentors Eva; Olu is a colleague; Pat runs programs; Gia and Hal join Mia's circle. */
    static final String PEOPLE =
            "employee_id,email,first_name,last_name,title,level,division,function,location,time_zone,work_mode,languages,skills\n"
                    + "M1,mia@msg.test,Mia,Mentor,Engineering lead,7,Digital,Engineering,Berlin,Europe/Berlin,HOME_OFFICE,English,Java\n"
                    + "E1,eva@msg.test,Eva,Early,Sales rep,3,Retail,Sales,New York,America/New_York,FIELD,English,Negotiation\n"
                    + "O1,olu@msg.test,Olu,Other,Analyst,3,Finance,Finance,London,Europe/London,HOME_OFFICE,English,Excel\n"
                    + "P1,pat@msg.test,Pat,Manager,HR partner,6,Corp,HR,London,Europe/London,HOME_OFFICE,English,Coaching\n"
                    + "G1,gia@msg.test,Gia,Group,Analyst,2,Finance,Finance,London,Europe/London,HOME_OFFICE,English,Excel\n"
                    + "H1,hal@msg.test,Hal,Group,Analyst,2,Retail,Sales,London,Europe/London,HOME_OFFICE,English,Excel\n";

    @Autowired MockMvcTester mvc;
    @Autowired MockMvc mockMvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired MessagingManagement messaging;
    @Autowired ProgramAccess access;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    TestOrganisation org;
    ProgramView program;
    Map<String, PersonId> ids = new HashMap<>();
    MentorshipId pair;
    UUID conversation;

    @BeforeEach
    void aPair() {
        org = organisations.create();
        people.importCsv(org.id(), PEOPLE.getBytes(StandardCharsets.UTF_8));
        for (String code : List.of("M1", "E1", "O1", "P1", "G1", "H1")) {
            ids.put(code, TestPeople.id(people, org.id(), code));
        }
        program = programs.create(org.id(), ProgramDraft.of("Across", "CROSS_DIVISIONAL"));
        pair =
                TestPairs.start(
                        programs,
                        enrolling,
                        mentorships,
                        org.id(),
                        program.id(),
                        id("E1"),
                        id("M1"),
                        50);
        conversation = messaging.conversationOf(org.id(), pair, id("E1"));
    }

    PersonId id(String code) {
        return ids.get(code);
    }

    RequestPostProcessor as(String code) {
        String email = code.toLowerCase().replaceAll("[0-9]", "") + "@msg.test";
        email =
                Map.of(
                                "M1", "mia@msg.test",
                                "E1", "eva@msg.test",
                                "O1", "olu@msg.test",
                                "P1", "pat@msg.test",
                                "G1", "gia@msg.test",
                                "H1", "hal@msg.test")
                        .get(code);
        return signedIn(org.id(), email, code.equals("P1") ? Role.PROGRAM_MANAGER : Role.EMPLOYEE);
    }

    static List<String> fields(Throwable e) {
        return ((InvalidInputException) e).errors().stream().map(InputError::field).toList();
    }

    @Test
    void thePairsConversationIsTheMentorshipsAndBothTalkInIt() {
        assertThat(conversation).isEqualTo(pair.value());
        assertThat(messaging.conversationOf(org.id(), pair, id("M1"))).isEqualTo(conversation);
        messaging.post(org.id(), conversation, id("E1"), null, "Hello Mia");
        messaging.post(org.id(), conversation, id("M1"), null, "Hi Eva, see https://example.org/x");

        List<MessageView> seen = messaging.messages(org.id(), conversation, id("M1"), null, null);
        assertThat(seen)
                .extracting(MessageView::text)
                .containsExactly("Hello Mia", "Hi Eva, see https://example.org/x");
        assertThat(seen).extracting(MessageView::seq).containsExactly(1L, 2L);
        assertThat(events.stream(MessageSent.class))
                .extracting(
                        MessageSent::conversationId,
                        MessageSent::mentorshipId,
                        MessageSent::authorId)
                .containsExactly(
                        tuple(conversation, pair, id("E1")), tuple(conversation, pair, id("M1")));

        assertThat(mvc.get().uri("/mentorships/{id}/conversation", pair.value()).with(as("E1")))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/conversations/" + conversation);
        assertThat(mvc.get().uri("/conversations/{id}", conversation).with(as("E1")))
                .hasStatusOk()
                .bodyText()
                .contains("Conversation with Mia Mentor")
                .contains("Hello Mia")
                .contains("<a href=\"https://example.org/x\" rel=\"nofollow noopener noreferrer\">")
                .contains("sse-connect=\"/conversations/" + conversation + "/stream?after=2\"");
        // The workspace shows the conversation panel, with the unread count for Eva.
        assertThat(mvc.get().uri("/mentorships/{id}", pair.value()).with(as("M1")))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"conversation\"")
                .contains("Hello Mia")
                .contains("/conversations/" + conversation);
        messaging.post(org.id(), conversation, id("M1"), null, "Are you there?");
        assertThat(mvc.get().uri("/mentorships/{id}", pair.value()).with(as("E1")))
                .bodyText()
                .contains("1 unread");
        assertThat(mvc.get().uri("/").with(as("E1")))
                .bodyText()
                .contains("1 unread messages from your partner");
    }

    @Test
    void theWorkspaceShowsTheLatestThreeMessagesOldestFirstAndEachPersonsOwnUnreadCount() {
        for (int i = 1; i <= 5; i++) {
            messaging.post(org.id(), conversation, id(i % 2 == 0 ? "M1" : "E1"), null, "Note " + i);
        }
        String eva = workspace("E1");
        assertThat(eva).doesNotContain("Note 1<").doesNotContain("Note 2<");
        assertThat(eva.indexOf("Note 3")).isPositive().isLessThan(eva.indexOf("Note 4"));
        assertThat(eva.indexOf("Note 4")).isLessThan(eva.indexOf("Note 5"));
        // Mia wrote two of the five, Eva three: each is told of the other's.
        assertThat(eva).contains("2 unread");
        assertThat(workspace("M1")).contains("3 unread");
    }

    private String workspace(String employee) {
        try {
            return mvc.get()
                    .uri("/mentorships/{id}", pair.value())
                    .with(as(employee))
                    .exchange()
                    .getResponse()
                    .getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePageStreamSendsRowsWithEventIdsAndResumesFromLastEventId() throws Exception {
        messaging.post(org.id(), conversation, id("E1"), null, "before the stream");
        var result =
                mockMvc.perform(
                                MockMvcRequestBuilders.get(
                                                "/conversations/{id}/stream", conversation)
                                        .header("Last-Event-ID", "0")
                                        .with(as("M1")))
                        .andReturn();
        assertThat(result.getRequest().isAsyncStarted()).isTrue();
        messaging.post(org.id(), conversation, id("E1"), null, "<b>live</b> https://example.org");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> result.getResponse().getContentAsString().contains("id:2"));
        String body = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getContentType()).startsWith("text/event-stream");
        assertThat(body)
                .contains("id:1\nevent:message\ndata:")
                .contains("before the stream")
                .contains("&lt;b&gt;live&lt;/b&gt;")
                .contains("<a href=\"https://example.org\"")
                .doesNotContain("<b>live");
        assertThat(body.indexOf("id:1")).isLessThan(body.indexOf("id:2"));
        // Resuming after event 1 sends only event 2.
        var resumed =
                mockMvc.perform(
                                MockMvcRequestBuilders.get(
                                                "/conversations/{id}/stream", conversation)
                                        .param("lastEventId", "1")
                                        .with(as("M1")))
                        .andReturn();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> resumed.getResponse().getContentAsString().contains("id:2"));
        assertThat(resumed.getResponse().getContentAsString())
                .doesNotContain("id:1\n")
                .doesNotContain("before the stream");
    }

    @Test
    void aDoublePostWithTheSameClientIdIsStoredOnce() throws Exception {
        UUID client = UUID.randomUUID();
        MessageView first = messaging.post(org.id(), conversation, id("E1"), client, "Once");
        MessageView again = messaging.post(org.id(), conversation, id("E1"), client, "Once");
        assertThat(again.id()).isEqualTo(first.id());
        // Through the page form, a double click sends the same hidden client id twice.
        UUID formClient = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            assertThat(
                            mvc.post()
                                    .uri("/conversations/{id}/messages", conversation)
                                    .param("text", "Clicked twice")
                                    .param("clientId", formClient.toString())
                                    .with(as("E1"))
                                    .with(csrf()))
                    .hasStatus(HttpStatus.FOUND);
        }
        // Two threads racing with one client id still store one message.
        UUID raced = UUID.randomUUID();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a =
                    pool.submit(
                            () -> messaging.post(org.id(), conversation, id("M1"), raced, "Race"));
            var b =
                    pool.submit(
                            () -> messaging.post(org.id(), conversation, id("M1"), raced, "Race"));
            assertThat(a.get().id()).isEqualTo(b.get().id());
        } finally {
            pool.shutdown();
        }
        assertThat(messaging.messages(org.id(), conversation, id("M1"), null, null))
                .extracting(MessageView::text)
                .containsExactly("Once", "Clicked twice", "Race");
        assertThat(events.stream(MessageSent.class)).hasSize(3);
    }

    @Test
    void emptyAndOverlongMessagesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> messaging.post(org.id(), conversation, id("E1"), null, "  "))
                .satisfies(e -> assertThat(fields(e)).containsExactly("text"));
        String atLimit = "x".repeat(MessagingManagement.MAX_TEXT);
        messaging.post(org.id(), conversation, id("E1"), null, atLimit);
        assertThatThrownBy(
                        () -> messaging.post(org.id(), conversation, id("E1"), null, atLimit + "y"))
                .satisfies(e -> assertThat(fields(e)).containsExactly("text"));
        assertThat(
                        mvc.post()
                                .uri("/conversations/{id}/messages", conversation)
                                .param("text", "")
                                .with(as("E1"))
                                .with(csrf()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("must not be empty")
                .contains("aria-invalid=\"true\"");
        assertThat(
                        mvc.post()
                                .uri("/api/v1/conversations/{id}/messages", conversation)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"text\":\"" + atLimit + "y\"}")
                                .with(as("E1"))
                                .with(csrf()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("text");
        assertThat(messaging.messages(org.id(), conversation, id("E1"), null, null)).hasSize(1);
    }

    @Test
    void nobodyOutsideTheConversationReadsOrWritesIt() {
        messaging.post(org.id(), conversation, id("E1"), null, "Private words");
        for (String outsider : List.of("O1", "P1")) {
            assertThatThrownBy(
                            () ->
                                    messaging.messages(
                                            org.id(), conversation, id(outsider), null, null))
                    .isInstanceOf(NotFound.class);
            for (String path :
                    List.of(
                            "/conversations/" + conversation,
                            "/conversations/" + conversation + "/stream",
                            "/mentorships/" + pair.value() + "/conversation",
                            "/api/v1/conversations/" + conversation + "/messages")) {
                assertThat(mvc.get().uri(path).with(as(outsider)))
                        .as("GET %s as %s", path, outsider)
                        .hasStatus(HttpStatus.NOT_FOUND);
            }
            assertThat(
                            mvc.post()
                                    .uri("/conversations/{id}/messages", conversation)
                                    .param("text", "let me in")
                                    .with(as(outsider))
                                    .with(csrf()))
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(
                        mvc.get()
                                .uri("/conversations/{id}", conversation)
                                .with(signedIn(org.id(), "pat@msg.test", Role.ADMIN)))
                .hasStatus(HttpStatus.NOT_FOUND);
        // API tokens, admin or not, are in no conversation.
        for (Role role : List.of(Role.ADMIN, Role.PROGRAM_MANAGER)) {
            String token = organisations.token(org, role);
            assertThat(
                            mvc.get()
                                    .uri("/api/v1/conversations/{id}/messages", conversation)
                                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(
                            mvc.post()
                                    .uri("/api/v1/conversations/{id}/messages", conversation)
                                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"text\":\"hi\"}"))
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(mvc.get().uri("/api/v1/conversations/{id}/messages", conversation))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        // Another organisation's member is a stranger too.
        TestOrganisation other = organisations.create();
        assertThat(
                        mvc.get()
                                .uri("/conversations/{id}", conversation)
                                .with(signedIn(other.id(), "eva@msg.test", Role.EMPLOYEE)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(messaging.messages(org.id(), conversation, id("E1"), null, null)).hasSize(1);
    }

    @Test
    void theAuthorEditsAndDeletesWithinFifteenMinutesOnly() {
        MessageView m = messaging.post(org.id(), conversation, id("E1"), null, "Typo hre");
        MessageView edited = messaging.edit(org.id(), conversation, m.id(), id("E1"), "Typo here");
        assertThat(edited.text()).isEqualTo("Typo here");
        assertThat(edited.edited()).isTrue();
        assertThat(edited.eventSeq()).isGreaterThan(m.eventSeq());
        assertThatThrownBy(
                        () -> messaging.edit(org.id(), conversation, m.id(), id("M1"), "Mine now"))
                .isInstanceOf(Conflict.class);
        assertThat(mvc.get().uri("/conversations/{id}", conversation).with(as("M1")))
                .bodyText()
                .contains("Typo here")
                .contains("(edited)");

        MessageView old = messaging.post(org.id(), conversation, id("E1"), null, "Said long ago");
        jdbc.sql("update message set created_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(16))), old.id())
                .update();
        assertThatThrownBy(() -> messaging.edit(org.id(), conversation, old.id(), id("E1"), "No"))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> messaging.delete(org.id(), conversation, old.id(), id("E1")))
                .isInstanceOf(Conflict.class);

        MessageView gone = messaging.delete(org.id(), conversation, m.id(), id("E1"));
        assertThat(gone.deleted()).isTrue();
        assertThat(gone.text()).isNull();
        assertThat(
                        jdbc.sql("select body from message where id = ?")
                                .param(m.id())
                                .query(String.class)
                                .single())
                .isEmpty();
        assertThat(mvc.get().uri("/conversations/{id}", conversation).with(as("M1")))
                .bodyText()
                .contains("This message was deleted.")
                .doesNotContain("Typo here")
                .contains("Said long ago");
    }

    @Test
    void unreadCountsMoveWithMessagesAndOpeningMarksRead() {
        messaging.post(org.id(), conversation, id("E1"), null, "One");
        messaging.post(org.id(), conversation, id("E1"), null, "Two");
        assertThat(messaging.unread(org.id(), id("M1"))).isEqualTo(2);
        assertThat(messaging.unread(org.id(), id("E1"))).isZero();
        assertThat(mvc.get().uri("/programs").with(as("M1")))
                .hasStatusOk()
                .bodyText()
                .contains("Messages (2 new)");
        assertThat(mvc.get().uri("/conversations/{id}", conversation).with(as("M1"))).hasStatusOk();
        assertThat(messaging.unread(org.id(), id("M1"))).isZero();
        assertThat(mvc.get().uri("/programs").with(as("M1")))
                .bodyText()
                .doesNotContain("Messages (2 new)")
                .contains(">Messages<");
        messaging.post(org.id(), conversation, id("E1"), null, "Three");
        assertThat(messaging.unread(org.id(), id("M1"))).isEqualTo(1);
        assertThat(mvc.get().uri("/conversations").with(as("M1")))
                .bodyText()
                .contains("Eva Early")
                .contains("1 new");
    }

    @Test
    void unreadCountsFollowDeletionsAndHidingAndMatchTheMessagesEveryStep() {
        MessageView a = messaging.post(org.id(), conversation, id("E1"), null, "A");
        MessageView b = messaging.post(org.id(), conversation, id("E1"), null, "B");
        messaging.post(org.id(), conversation, id("M1"), null, "Mine");
        assertUnread("M1", 2);
        assertUnread("E1", 1);
        messaging.delete(org.id(), conversation, b.id(), id("E1"));
        assertUnread("M1", 1);
        messaging.markRead(org.id(), conversation, id("M1"));
        assertUnread("M1", 0);
        // A message already read leaves the count alone when it goes.
        messaging.delete(org.id(), conversation, a.id(), id("E1"));
        assertUnread("M1", 0);
        MessageView rude = messaging.post(org.id(), conversation, id("E1"), null, "Rude");
        messaging.post(org.id(), conversation, id("E1"), null, "Sorry");
        assertUnread("M1", 2);
        messaging.report(org.id(), conversation, rude.id(), id("M1"));
        messaging.hide(org.id(), rude.id());
        assertUnread("M1", 1);
        // Hidden twice, counted down once.
        messaging.hide(org.id(), rude.id());
        assertUnread("M1", 1);
        assertUnread("E1", 1);
    }

    /** The kept count, checked against the messages themselves. */
    private void assertUnread(String code, long expected) {
        long counted =
                jdbc.sql(
                                "select count(*) from message m join conversation_member cm on"
                                        + " cm.conversation_id = m.conversation_id and m.seq >"
                                        + " cm.read_seq where cm.conversation_id = ? and"
                                        + " cm.person_id = ? and m.author_id <> cm.person_id and"
                                        + " m.deleted_at is null and m.hidden_at is null")
                        .params(conversation, id(code).value())
                        .query(Long.class)
                        .single();
        assertThat(counted).as("messages unread by " + code).isEqualTo(expected);
        assertThat(messaging.unread(org.id(), id(code))).isEqualTo(expected);
        assertThat(messaging.conversation(org.id(), conversation, id(code)).unread())
                .isEqualTo(expected);
    }

    @Test
    void theReportedMessagesArePagedEachOnExactlyOnePage() throws Exception {
        java.util.Set<String> posted = new java.util.HashSet<>();
        for (int i = 0; i < 30; i++) {
            String text = "Reported line " + (100 + i);
            MessageView bad = messaging.post(org.id(), conversation, id("M1"), null, text);
            messaging.report(org.id(), conversation, bad.id(), id("E1"));
            posted.add(text);
        }
        RequestPostProcessor admin = signedIn(org.id(), "pat@msg.test", Role.ADMIN);
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 2; page++) {
            String html =
                    mvc.get()
                            .uri("/messaging/reports?page=" + page)
                            .with(admin)
                            .exchange()
                            .getResponse()
                            .getContentAsString(StandardCharsets.UTF_8);
            java.util.regex.Matcher lines =
                    java.util.regex.Pattern.compile("Reported line \\d+").matcher(html);
            while (lines.find()) {
                seen.add(lines.group());
            }
            assertThat(html).contains(page == 0 ? "Showing 1–25 of 30" : "Showing 26–30 of 30");
        }
        assertThat(seen).hasSize(30).containsExactlyInAnyOrderElementsOf(posted);
    }

    @Test
    void aReportedMessageIsShownAloneToProgramManagersWhoCanHideIt() {
        messaging.post(org.id(), conversation, id("E1"), null, "Fine words");
        MessageView bad = messaging.post(org.id(), conversation, id("M1"), null, "Rude words");
        assertThatThrownBy(() -> messaging.report(org.id(), conversation, bad.id(), id("M1")))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> messaging.report(org.id(), conversation, bad.id(), id("O1")))
                .isInstanceOf(NotFound.class);
        assertThat(messaging.reports(org.id())).isEmpty();
        assertThatThrownBy(() -> messaging.hide(org.id(), bad.id())).isInstanceOf(NotFound.class);

        assertThat(
                        mvc.post()
                                .uri(
                                        "/conversations/{id}/messages/{m}/report",
                                        conversation,
                                        bad.id())
                                .with(as("E1"))
                                .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(messaging.reports(org.id()))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.text()).isEqualTo("Rude words");
                            assertThat(r.authorId()).isEqualTo(id("M1"));
                            assertThat(r.reporterId()).isEqualTo(id("E1"));
                        });
        // A program manager moderates the programs they manage, and only those.
        access.assign(org.id(), program.id(), id("P1"));
        assertThat(mvc.get().uri("/messaging/reports").with(as("P1")))
                .hasStatusOk()
                .bodyText()
                .contains("Rude words")
                .contains("Mia Mentor")
                .doesNotContain("Fine words");
        RequestPostProcessor managerOfNothing =
                signedIn(org.id(), "hal@msg.test", Role.PROGRAM_MANAGER);
        assertThat(mvc.get().uri("/messaging/reports").with(managerOfNothing))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("Rude words");
        assertThat(
                        mvc.post()
                                .uri("/messaging/reports/{m}/hide", bad.id())
                                .with(managerOfNothing)
                                .with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(messaging.reports(org.id())).hasSize(1);
        assertThat(mvc.get().uri("/messaging/reports").with(as("O1")))
                .hasStatus(HttpStatus.FORBIDDEN);

        assertThat(
                        mvc.post()
                                .uri("/messaging/reports/{m}/hide", bad.id())
                                .with(as("P1"))
                                .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(messaging.reports(org.id())).isEmpty();
        assertThat(messaging.messages(org.id(), conversation, id("E1"), null, null))
                .extracting(MessageView::text)
                .containsExactly("Fine words", null);
        assertThat(mvc.get().uri("/conversations/{id}", conversation).with(as("E1")))
                .bodyText()
                .contains("hidden by a program manager")
                .doesNotContain("Rude words");
    }

    @Test
    void aCircleInAGroupProgramSharesOneConversation() {
        ProgramView group =
                programs.create(
                        org.id(),
                        new ProgramDraft(
                                "Circles",
                                "CROSS_DIVISIONAL",
                                null,
                                ProgramFormat.GROUP,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
        MentorshipId withGia =
                TestPairs.start(
                        programs,
                        enrolling,
                        mentorships,
                        org.id(),
                        group.id(),
                        id("G1"),
                        id("M1"),
                        50);
        MentorshipId withHal =
                TestPairs.start(
                        programs,
                        enrolling,
                        mentorships,
                        org.id(),
                        group.id(),
                        id("H1"),
                        id("M1"),
                        50);
        UUID circle = messaging.conversationOf(org.id(), withGia, id("G1"));
        assertThat(circle).isNotEqualTo(withGia.value());
        messaging.post(org.id(), circle, id("G1"), null, "Hello circle");
        // Hal, who never opened it yet, reads it and counts it unread.
        assertThat(messaging.conversationOf(org.id(), withHal, id("H1"))).isEqualTo(circle);
        assertThat(messaging.messages(org.id(), circle, id("H1"), null, null))
                .extracting(MessageView::text)
                .containsExactly("Hello circle");
        assertThat(messaging.unread(org.id(), id("H1"))).isEqualTo(1);
        assertThat(messaging.conversation(org.id(), circle, id("M1")).members())
                .containsExactlyInAnyOrder(id("M1"), id("G1"), id("H1"));
        assertThat(events.stream(MessageSent.class))
                .singleElement()
                .satisfies(e -> assertThat(e.mentorshipId()).isNull());
        // Eva, mentored by Mia in another program, is not in the circle.
        assertThatThrownBy(() -> messaging.messages(org.id(), circle, id("E1"), null, null))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void theOpenApiDocumentDescribesTheConversationEndpoints() {
        var paths =
                assertThat(mvc.get().uri("/v3/api-docs"))
                        .hasStatusOk()
                        .bodyJson()
                        .extractingPath("$.paths")
                        .asMap();
        paths.containsKeys(
                "/api/v1/conversations/{id}/messages", "/api/v1/conversations/{id}/stream");
        assertThat(mvc.get().uri("/v3/api-docs"))
                .bodyJson()
                .extractingPath("$.paths['/api/v1/conversations/{id}/messages']")
                .asMap()
                .containsKeys("get", "post");
        assertThat(mvc.get().uri("/v3/api-docs"))
                .bodyJson()
                .extractingPath("$.paths['/api/v1/conversations/{id}/stream'].get.description")
                .asString()
                .contains("Last-Event-ID");
    }

    @Test
    void theApiPagesBackwardsByKeyset() {
        for (int i = 1; i <= 120; i++) {
            messaging.post(org.id(), conversation, id(i % 2 == 0 ? "M1" : "E1"), null, "m" + i);
        }
        var first =
                mvc.get()
                        .uri("/api/v1/conversations/{id}/messages?size=50", conversation)
                        .with(as("E1"));
        assertThat(first)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].text")
                .isEqualTo("m71");
        assertThat(first).bodyJson().extractingPath("$.items[49].text").isEqualTo("m120");
        assertThat(first).bodyJson().extractingPath("$.before").isEqualTo(71);
        var second =
                mvc.get()
                        .uri("/api/v1/conversations/{id}/messages?size=50&before=71", conversation)
                        .with(as("E1"));
        assertThat(second).bodyJson().extractingPath("$.items[0].text").isEqualTo("m21");
        var last =
                mvc.get()
                        .uri("/api/v1/conversations/{id}/messages?size=50&before=21", conversation)
                        .with(as("E1"));
        assertThat(last).bodyJson().extractingPath("$.items.length()").isEqualTo(20);
        assertThat(last).bodyJson().doesNotHavePath("$.before");
        assertThat(
                        mvc.post()
                                .uri("/api/v1/conversations/{id}/messages", conversation)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"text\":\"via api\",\"clientId\":\""
                                                + UUID.randomUUID()
                                                + "\"}")
                                .with(as("M1"))
                                .with(csrf()))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.seq")
                .isEqualTo(121);
    }

    @Test
    void aStreamGetsEveryChangeInOrderAndResumesWithoutRepeats() {
        List<Long> got = new CopyOnWriteArrayList<>();
        List<String> texts = new CopyOnWriteArrayList<>();
        MessageSink sink =
                m -> {
                    got.add(m.eventSeq());
                    texts.add(m.deleted() ? "(deleted)" : m.text());
                };
        try (Subscription stream = messaging.subscribe(org.id(), conversation, id("M1"), 0, sink)) {
            MessageView a = messaging.post(org.id(), conversation, id("E1"), null, "a");
            await().atMost(Duration.ofSeconds(20)).until(() -> got.size() == 1);
            messaging.post(org.id(), conversation, id("E1"), null, "b");
            await().atMost(Duration.ofSeconds(20)).until(() -> got.size() == 2);
            messaging.edit(org.id(), conversation, a.id(), id("E1"), "a2");
            await().atMost(Duration.ofSeconds(20)).until(() -> got.size() == 3);
            assertThat(got).containsExactly(1L, 2L, 3L);
            assertThat(texts).containsExactly("a", "b", "a2");
        }
        // Disconnected after event 3: three more changes, then a resume from 3.
        MessageView c = messaging.post(org.id(), conversation, id("M1"), null, "c");
        messaging.post(org.id(), conversation, id("E1"), null, "d");
        messaging.delete(org.id(), conversation, c.id(), id("M1"));
        List<Long> resumed = new CopyOnWriteArrayList<>();
        List<String> resumedTexts = new CopyOnWriteArrayList<>();
        try (Subscription stream =
                messaging.subscribe(
                        org.id(),
                        conversation,
                        id("E1"),
                        3,
                        m -> {
                            resumed.add(m.eventSeq());
                            resumedTexts.add(m.deleted() ? "(deleted)" : m.text());
                        })) {
            messaging.post(org.id(), conversation, id("M1"), null, "e");
            await().atMost(Duration.ofSeconds(20)).until(() -> resumed.contains(7L));
            // "c" was posted (4) then deleted (6): it comes once, in its latest state.
            assertThat(resumed).containsExactly(5L, 6L, 7L);
            assertThat(resumedTexts).containsExactly("d", "(deleted)", "e");
        }
        assertThatThrownBy(() -> messaging.subscribe(org.id(), conversation, id("O1"), 0, sink))
                .isInstanceOf(NotFound.class);
    }
}
