package io.tandem.matching;

import static org.awaitility.Awaitility.await;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Finished match runs of a few hundred people (MatchingBench.csv), for tests of their review. */
@Component
class SampleRuns {

    /** The run, its program, and everyone imported, in name order. */
    record SampleRun(ProgramView program, MatchRunView run, List<PersonSummary> everyone) {}

    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final EnrolmentManagement enrolling;
    private final MatchingManagement matching;

    SampleRuns(
            PeopleManagement people,
            ProgramManagement programs,
            EnrolmentManagement enrolling,
            MatchingManagement matching) {
        this.people = people;
        this.programs = programs;
        this.enrolling = enrolling;
        this.matching = matching;
    }

    /**
     * A finished cross-divisional run (optimal, total score) of {@code size} people in {@code org}:
     * every {@code mentorEvery}-th person in name order a mentor, the others mentees.
     */
    SampleRun finished(OrganisationId org, String name, int size, int mentorEvery) {
        people.importCsv(org, MatchingBench.csv(size).getBytes(StandardCharsets.UTF_8));
        List<PersonSummary> everyone = new ArrayList<>();
        for (int page = 0; everyone.size() < size; page++) {
            everyone.addAll(
                    people.search(org, DirectoryQuery.all(), PageQuery.of(page, 100)).items());
        }
        ProgramView program =
                programs.moveTo(
                        org,
                        programs.create(org, ProgramDraft.of(name, "CROSS_DIVISIONAL")).id(),
                        ProgramStatus.ENROLLING);
        for (int i = 0; i < everyone.size(); i++) {
            enrolling.enrol(
                    org,
                    program.id(),
                    Enrol.of(
                            everyone.get(i).id(),
                            i % mentorEvery == 0 ? EnrolmentRole.MENTOR : EnrolmentRole.MENTEE));
        }
        MatchRunView started =
                matching.start(org, program.id(), Objective.TOTAL, Algorithm.OPTIMAL);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> matching.status(org, started.id()).finished());
        return new SampleRun(program, matching.run(org, started.id()), List.copyOf(everyone));
    }
}
