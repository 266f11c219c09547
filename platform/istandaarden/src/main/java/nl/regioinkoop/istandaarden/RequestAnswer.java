package nl.regioinkoop.istandaarden;

/**
 * JW319 / WMO319: the municipality's answer to a 315 or 317 that it does not (yet) honour with a 301.
 * answer is VerzoekAntwoord ({@link #REJECTED} or {@link #UNDER_INVESTIGATION}); rejectionReason is
 * RedenAfwijzingVerzoek (WJ759: 1 new application instead of change, 2 budget, 3 no contract, 4 not in contract,
 * 5 other municipality, 6 stacking, 7 on content, 8 residence principle, 9 age limit); residenceMunicipality
 * (Woonplaatsbeginsel, iJw only) names the municipality responsible instead, with reason 8.
 */
public record RequestAnswer(MessageType type, Header header, String providerReference, String answer,
                            String rejectionReason, String residenceMunicipality) {

    public static final String REJECTED = "1";
    public static final String UNDER_INVESTIGATION = "2";

    public RequestAnswer {
        if (residenceMunicipality != null && type.standard() != Standard.IJW) {
            throw new IllegalArgumentException("Woonplaatsbeginsel exists in iJw only, not in " + type);
        }
    }

    public static RequestAnswer rejected(MessageType type, Header header, String providerReference, String reason) {
        return new RequestAnswer(type, header, providerReference, REJECTED, reason, null);
    }
}
