package io.tandem.mentorships.web;

import io.tandem.mentorships.web.WorkspacePageController.ActionForm;
import io.tandem.mentorships.web.WorkspacePageController.GoalForm;
import io.tandem.mentorships.web.WorkspacePageController.NoteForm;
import io.tandem.web.FieldHtml;
import java.util.List;
import java.util.Map;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * The workspace's form fields (a goal, an action item, a note, an extension's date), with the
 * values as entered and the refusals inline, written by {@link FieldHtml} rather than by eight
 * field fragments on every view of the page (issue 17). The forms around them, their buttons and
 * CSRF fields stay in the template.
 */
record WorkspaceFields(
        String extendUntil,
        String goalTitle,
        String goalMeasure,
        String goalTarget,
        String goalSkill,
        String actionTitle,
        String actionDue,
        String noteBody) {

    static final int MAX_TEXT = 10_000;

    /**
     * {@code errors} are the page's refusals by field name; each section's own ({@code goals},
     * {@code actions}, {@code notes}) only when its form was the one sent.
     */
    static WorkspaceFields of(
            Map<String, String> errors,
            Map<String, String> goals,
            Map<String, String> actions,
            Map<String, String> notes,
            GoalForm goal,
            ActionForm action,
            NoteForm note,
            List<String> skills,
            MessageSourceAccessor messages) {
        return new WorkspaceFields(
                FieldHtml.input(
                        errors,
                        "extend-until",
                        "until",
                        messages.getMessage("workspace.extension.until"),
                        "date",
                        null,
                        null,
                        false,
                        null),
                FieldHtml.textarea(
                        goals,
                        "goal-title",
                        "title",
                        messages.getMessage("workspace.goal.title"),
                        goal.title(),
                        MAX_TEXT,
                        2,
                        false,
                        null),
                FieldHtml.textarea(
                        goals,
                        "goal-measure",
                        "measure",
                        messages.getMessage("workspace.goal.measure"),
                        goal.measure(),
                        MAX_TEXT,
                        2,
                        false,
                        null),
                FieldHtml.input(
                        goals,
                        "goal-target",
                        "targetOn",
                        messages.getMessage("workspace.goal.target-on"),
                        "date",
                        goal.targetOn(),
                        null,
                        false,
                        null),
                FieldHtml.select(
                        goals,
                        "goal-skill",
                        "skill",
                        messages.getMessage("workspace.goal.skill"),
                        skills,
                        goal.skill(),
                        messages.getMessage("workspace.goal.skill.none"),
                        null),
                FieldHtml.input(
                        actions,
                        "action-title",
                        "title",
                        messages.getMessage("workspace.action.title"),
                        "text",
                        action.title(),
                        MAX_TEXT,
                        false,
                        null),
                FieldHtml.input(
                        actions,
                        "action-due",
                        "dueOn",
                        messages.getMessage("workspace.action.due-on"),
                        "date",
                        action.dueOn(),
                        null,
                        false,
                        null),
                FieldHtml.textarea(
                        notes,
                        "note-body",
                        "body",
                        messages.getMessage("workspace.note.body"),
                        note.body(),
                        MAX_TEXT,
                        3,
                        false,
                        messages.getMessage("workspace.note.hint")));
    }
}
