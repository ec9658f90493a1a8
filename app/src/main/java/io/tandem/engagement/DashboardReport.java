package io.tandem.engagement;

import java.time.Instant;

/**
 * A program's dashboard figures and the moment they were computed: pages show {@code asOf}, since
 * the figures may be up to {@code tandem.engagement.dashboard-max-age} old.
 */
public record DashboardReport(ProgramReport report, Instant asOf) {}
