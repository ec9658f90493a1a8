package io.tandem.engagement;

import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;

/** Someone downloaded a program's report or one of its exports ({@code what}: its file name). */
public record ReportExported(OrganisationId organisationId, ProgramId programId, String what) {}
