package nl.regioinkoop.istandaarden;

import java.util.List;
import java.util.function.Function;

/**
 * JW325 / WMO325: the municipality's answer to a declaration, per line granted (8001) or refused with its return
 * codes. header is the answer's own header (Afzender the municipality, Ontvanger the provider); the declaration's
 * identification and XsdVersie are echoed from {@code declaration}. lineCodes follow {@link DeclarationMessage#lines()};
 * it is null when the declaration is refused as a whole ({@code declarationCodes}, e.g. 9333).
 */
public record DeclarationAnswer(Header header, DeclarationMessage declaration, List<String> declarationCodes,
                                List<List<String>> lineCodes) {

    public DeclarationAnswer {
        declarationCodes = declarationCodes == null || declarationCodes.isEmpty()
                ? List.of(ReturnCodes.NO_REMARK) : List.copyOf(declarationCodes);
        if (lineCodes != null) {
            if (lineCodes.size() != declaration.lines().size()) {
                throw new IllegalArgumentException("the answer has " + lineCodes.size() + " line(s), the declaration "
                        + declaration.lines().size());
            }
            lineCodes = lineCodes.stream()
                    .map(codes -> codes.isEmpty() ? List.of(ReturnCodes.GRANTED) : List.copyOf(codes)).toList();
        }
    }

    /** Each line judged: {@code judge} returns the refusal codes of a line, or an empty list to grant it. */
    public static DeclarationAnswer perLine(Header header, DeclarationMessage declaration,
                                            Function<DeclarationLine, List<String>> judge) {
        return new DeclarationAnswer(header, declaration, List.of(), declaration.lines().stream().map(judge).toList());
    }

    /** The declaration refused as a whole, e.g. with 9333 (number not unique); no line is granted. */
    public static DeclarationAnswer rejected(Header header, DeclarationMessage declaration, String... codes) {
        if (codes.length == 0) {
            throw new IllegalArgumentException("a rejected declaration needs at least one return code");
        }
        return new DeclarationAnswer(header, declaration, List.of(codes), null);
    }

    public boolean granted(int line) {
        return lineCodes != null && lineCodes.get(line).contains(ReturnCodes.GRANTED);
    }

    /** TotaalToegekendBedrag: the signed sum of the granted lines, in eurocents. */
    public long grantedCents() {
        List<DeclarationLine> lines = declaration.lines();
        long sum = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (granted(i)) {
                sum = Math.addExact(sum, lines.get(i).amountCents());
            }
        }
        return sum;
    }
}
