package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.web.RowHtml;
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
     * <p>Or a section written in Java ({@link #written}): {@code html} is its markup, every text in
     * it escaped ({@code io.tandem.web.RowHtml.escape}), shown as it is. The workspace is viewed
     * far more often than it changes, and a fragment's expressions cost more than the page's reads.
     *
     * @param id the section's HTML id, the target of links to it ({@code /mentorships/{id}#id})
     */
    record Section(String id, String template, String fragment, Object model, String html) {

        public Section(String id, String template, String fragment, Object model) {
            this(id, template, fragment, model, null);
        }

        /** A section whose markup {@code html} is written already, texts escaped. */
        public static Section written(String id, String html) {
            return new Section(id, null, null, null, html);
        }
    }

    /** This module's section of the workspace as its viewer ({@code workspace.me()}) sees it. */
    Optional<Section> section(OrganisationId organisation, WorkspaceView workspace);

    /**
     * A written section's start: the card with its HTML {@code id}, labelled by its heading ({@code
     * heading} escaped already), as the fragments wrote it, a line break after it.
     */
    static StringBuilder card(String id, String heading) {
        return card(new StringBuilder(), id, heading).append('\n');
    }

    /**
     * A card's opening tag and heading appended to {@code out}: {@code <section id="…" class="card"
     * aria-labelledby="…-heading"><h2 id="…-heading">heading</h2>}, {@code heading} escaped
     * already.
     */
    static StringBuilder card(StringBuilder out, String id, String heading) {
        return out.append("<section id=\"")
                .append(id)
                .append("\" class=\"card\" aria-labelledby=\"")
                .append(id)
                .append("-heading\">\n  <h2 id=\"")
                .append(id)
                .append("-heading\">")
                .append(heading)
                .append("</h2>");
    }

    /**
     * An address of this application as a written section links to it ({@code path} from the root):
     * what the template's {@code @{path}} writes, the context path before it.
     */
    static String link(String path) {
        return RowHtml.contextPath() + path;
    }
}
