package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.shared.NotFound;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/** Finds a program of the organisation, once per request, for every service of the module. */
@Component
class ProgramLookup {

    private final Programs programs;
    private final MessageSourceAccessor messages;

    ProgramLookup(Programs programs, MessageSource messageSource) {
        this.programs = programs;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    ProgramView get(OrganisationId organisation, ProgramId id) {
        return find(organisation, id)
                .orElseThrow(() -> new NotFound("program.not-found"))
                .program();
    }

    /** Whether the program's pairs share their goals; false for a program that does not exist. */
    boolean sharesGoals(OrganisationId organisation, ProgramId id) {
        return find(organisation, id).map(Programs.Found::sharesGoals).orElse(false);
    }

    private Optional<Programs.Found> find(OrganisationId organisation, ProgramId id) {
        // A page asks for its program from several places (controller, sections, fragments).
        return io.tandem.web.RequestMemo.remember(
                "program", organisation, id, () -> programs.find(organisation, id));
    }
}
