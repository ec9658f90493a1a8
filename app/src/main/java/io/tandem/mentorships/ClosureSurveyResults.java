package io.tandem.mentorships;

/**
 * A program's closure surveys as program managers see them: how many answered, and averages only
 * once at least {@link #MINIMUM} people have answered, so that no one's rating can be told apart.
 */
public record ClosureSurveyResults(
        int answers, Double partnershipRating, Double partnerRating, Double wouldDoItAgain) {

    public static final int MINIMUM = 3;
}
