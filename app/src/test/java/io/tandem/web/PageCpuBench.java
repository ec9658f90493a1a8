package io.tandem.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.identity.Role;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The CPU one request thread spends on a page, served through MockMvc (the whole filter chain and
 * rendering, no Tomcat, no bench client, no database server): the request's own thread CPU time,
 * which the other work on a shared machine moves far less than throughput or the process's CPU.
 * Prints the median of rounds after a warm-up, per page; asserts nothing. Run the same class on a
 * base checkout to compare ({@code -Dbench=true -Dgroups=bench -Dtest=PageCpuBench}). Its H2 keeps
 * 256 parsed statements a connection, as the application's does: without that cache every statement
 * is parsed and planned again, which overstated each page's statements.
 */
@Tag("bench")
@TandemIntegrationTest
@TestPropertySource(
        properties =
                "spring.datasource.url=jdbc:h2:mem:tandem-cpu;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                        + "DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=256")
class PageCpuBench {

    static final int WARM_UP = Integer.getInteger("bench.warmup", 1500);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    static final int PER_ROUND = Integer.getInteger("bench.perRound", 200);

    @Autowired MockMvc mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;

    @Test
    void pagesCpu() throws Exception {
        TestOrganisation org = organisations.create();
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name,division,languages\n"
                                + "M1,mia@cpu.test,Mia,Mentor,Digital,English\n"
                                + "E1,eva@cpu.test,Eva,Early,Retail,English\n")
                        .getBytes(StandardCharsets.UTF_8));
        PersonId mia = people.findByEmail(org.id(), "mia@cpu.test").orElseThrow().id();
        PersonId eva = people.findByEmail(org.id(), "eva@cpu.test").orElseThrow().id();
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Cpu", "CUSTOM"));
        MentorshipId pair =
                TestPairs.start(
                        programs, enrolling, mentorships, org.id(), program.id(), eva, mia, 50);
        RequestPostProcessor eve =
                TestOrganisations.signedIn(org.id(), "eva@cpu.test", Role.EMPLOYEE);
        List<String> pages = List.of("/", "/mentorships", "/mentorships/" + pair.value());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARM_UP; i++) {
            for (String page : pages) {
                mvc.perform(get(page).with(eve)).andReturn();
            }
        }
        List<double[]> rounds = new ArrayList<>();
        for (String page : pages) {
            rounds.add(new double[ROUNDS]);
        }
        for (int r = 0; r < ROUNDS; r++) {
            for (int p = 0; p < pages.size(); p++) {
                long before = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < PER_ROUND; i++) {
                    if (mvc.perform(get(pages.get(p)).with(eve))
                                    .andReturn()
                                    .getResponse()
                                    .getStatus()
                            != 200) {
                        throw new IllegalStateException(pages.get(p) + " did not answer 200");
                    }
                }
                rounds.get(p)[r] = (threads.getCurrentThreadCpuTime() - before) / 1e6 / PER_ROUND;
            }
        }
        for (int p = 0; p < pages.size(); p++) {
            double[] ms = rounds.get(p).clone();
            Arrays.sort(ms);
            System.out.printf(
                    Locale.ROOT,
                    "PageCpuBench %s: median %.3f ms a request (rounds %s)%n",
                    pages.get(p).replace(pair.value().toString(), "{id}"),
                    ms[ms.length / 2],
                    Arrays.toString(rounds.get(p)));
        }
        System.out.printf(
                Locale.ROOT,
                "PageCpuBench load average %s%n",
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
    }
}
