package io.tandem.people.api;

import io.tandem.identity.AccountState;
import io.tandem.identity.ActivationSummary;
import io.tandem.identity.Role;
import io.tandem.identity.TandemUser;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Whether people can sign in, and activation mails, for automation after an HR import. */
@RestController
@RequestMapping("/api/v1/people")
@PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
class AccountRestController {

    private final PeopleManagement people;

    AccountRestController(PeopleManagement people) {
        this.people = people;
    }

    @GetMapping("/{id}/account")
    AccountState account(TandemUser user, @PathVariable UUID id) {
        return people.account(user.organisationId(), new PersonId(id));
    }

    @PostMapping("/{id}/activation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ActivationSummary activate(TandemUser user, @PathVariable UUID id) {
        return people.sendActivation(user.organisationId(), new PersonId(id));
    }

    @PostMapping("/activations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ActivationSummary activateEveryone(TandemUser user) {
        return people.sendActivations(user.organisationId());
    }

    /** The role an admin gives the person's account. */
    record RoleChange(Role role) {}

    /**
     * Gives the person's account another role (admins only; audited as {@code ROLE_CHANGED}); their
     * sessions end. A person without an account gets one that cannot sign in until activated.
     */
    @PutMapping("/{id}/role")
    @PreAuthorize("hasRole('ADMIN')")
    AccountState changeRole(
            TandemUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) RoleChange body) {
        return people.changeRole(
                user.organisationId(), new PersonId(id), body == null ? null : body.role());
    }
}
