/**
 * Layout, error handling, paging and htmx conventions shared by every module's pages and API. No
 * business rules live here, and it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.tandem.web;
