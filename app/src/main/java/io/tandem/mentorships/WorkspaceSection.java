package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import java.util.Optional;

/**
 * The extension point for a section of the pair's workspace page. A module that adds something the
 * pair works on together (meetings, a conversation) implements this as a bean; the page renders
 * each section it answers, in bean order, after the pair's notes and before the timeline. The page
 * only asks for the sections of a workspace the viewer may see, so a section may carry pair
 * content.
 */
public interface WorkspaceSection {

    /**
     * A section: the Thymeleaf fragment {@code template :: fragment} rendered with {@code model}.
     * Inside the fragment, {@code section} is this record ({@code section.model} the module's own
     * data), {@code w} the {@link WorkspaceView} and {@code partner} and {@code self} the two
     * people, {@code here} the workspace's address and {@code root} the application's (what
     * {@code @{/…}} starts with), so links need no link expression; forms get the CSRF token as on
     * any page.
     *
     * @param id the section's HTML id, the target of links to it ({@code /mentorships/{id}#id})
     */
    record Section(String id, String template, String fragment, Object model) {}

    /** This module's section of the workspace as its viewer ({@code workspace.me()}) sees it. */
    Optional<Section> section(OrganisationId organisation, WorkspaceView workspace);
}
