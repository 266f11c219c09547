package nl.regioinkoop.istandaarden;

import java.util.List;
import java.util.function.Function;

/**
 * What a return message (306, 308, 316, 318) says about the message it answers: either the message as a whole is
 * refused ({@code messageCodes}, and no client part is echoed), or each line gets its return codes, in the order of
 * the original's lines, with 0200 for the client. An empty list of line codes means "no remark" (0200).
 * For a 318 the lines are the unchanged, then the changed, then the new products, and the client codes also stand
 * for the request (Verzoek).
 */
public record ReturnVerdict(ReturnId id, List<String> messageCodes, List<String> clientCodes,
                            List<List<String>> lineCodes) {

    public ReturnVerdict {
        messageCodes = messageCodes == null ? List.of() : List.copyOf(messageCodes);
        if ((clientCodes == null) != (lineCodes == null)) {
            throw new IllegalArgumentException("client codes and line codes go together");
        }
        clientCodes = clientCodes == null ? null : orNoRemark(clientCodes);
        lineCodes = lineCodes == null ? null : lineCodes.stream().map(ReturnVerdict::orNoRemark).toList();
    }

    /** The message is refused as a whole, e.g. with 8848 (dated in the future) or S300 (unknown municipality). */
    public static ReturnVerdict rejected(ReturnId id, String... messageCodes) {
        if (messageCodes.length == 0) {
            throw new IllegalArgumentException("a rejected message needs at least one return code");
        }
        return new ReturnVerdict(id, List.of(messageCodes), null, null);
    }

    /** Each line judged on its own; {@code judge} returns the line's refusal codes, or an empty list to accept it. */
    public static <T> ReturnVerdict perLine(ReturnId id, List<T> lines, Function<T, List<String>> judge) {
        return new ReturnVerdict(id, List.of(), List.of(), lines.stream().map(judge).toList());
    }

    public boolean rejectedAsWhole() {
        return lineCodes == null;
    }

    void requireLines(int count) {
        if (lineCodes != null && lineCodes.size() != count) {
            throw new IllegalArgumentException("the verdict has " + lineCodes.size() + " line(s), the message " + count);
        }
    }

    private static List<String> orNoRemark(List<String> codes) {
        return codes.isEmpty() ? List.of(ReturnCodes.NO_REMARK) : List.copyOf(codes);
    }
}
