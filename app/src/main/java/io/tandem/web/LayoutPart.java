package io.tandem.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * A piece of every page's layout written in Java once the handler is done and the layout's figures
 * are read ({@link ReadBeforeRendering}), and handed to the template as a model variable. The
 * template reads a variable; a call of a bean's method with arguments from the template cost
 * Thymeleaf's expression language its method lookup and argument conversion on every page, about as
 * much as the part's own writing (issue 17). The layout falls back to the call where no part was
 * added (an error page answered by an exception handler).
 */
public interface LayoutPart {

    /** The model variable holding the layout's header (written by identity.Navigation). */
    String HEADER_VARIABLE = "layoutHeader";

    /** Adds this part to the model of a whole page (a template with the layout) being answered. */
    void addTo(Map<String, Object> model, HttpServletRequest request);
}
