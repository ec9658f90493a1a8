package io.tandem.programs;

import java.util.List;

/** A ready-made kind of program: its rules, a suggested agreement and suggested goals. */
public record ProgramTemplate(
        String key,
        String name,
        String description,
        ProgramFormat format,
        List<MatchingRule> rules,
        String agreement,
        List<String> goals) {}
