package nl.regioinkoop.istandaarden;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every iJw and iWmo 3.2 message type with its BerichtCode (Vektis COD002). The iJw codes and the iWmo codes of
 * 301/305/307/317/319/323 are confirmed by the schemas, WMO315's by its example; the iWmo codes of
 * 302/306/308/316/318/320/325 follow the standard's numbering (return code = outgoing code + 1) because their XSDs
 * are absent from the schema copy.
 */
public enum MessageType {
    JW301(Standard.IJW, 301, "436"), JW302(Standard.IJW, 302, "437"),
    JW305(Standard.IJW, 305, "438"), JW306(Standard.IJW, 306, "439"),
    JW307(Standard.IJW, 307, "440"), JW308(Standard.IJW, 308, "441"),
    JW315(Standard.IJW, 315, "446"), JW316(Standard.IJW, 316, "447"),
    JW317(Standard.IJW, 317, "486"), JW318(Standard.IJW, 318, "487"),
    JW319(Standard.IJW, 319, "488"), JW320(Standard.IJW, 320, "489"),
    JW323(Standard.IJW, 323, "490"), JW325(Standard.IJW, 325, "491"),
    WMO301(Standard.IWMO, 301, "414"), WMO302(Standard.IWMO, 302, "415"),
    WMO305(Standard.IWMO, 305, "418"), WMO306(Standard.IWMO, 306, "419"),
    WMO307(Standard.IWMO, 307, "420"), WMO308(Standard.IWMO, 308, "421"),
    WMO315(Standard.IWMO, 315, "444"), WMO316(Standard.IWMO, 316, "445"),
    WMO317(Standard.IWMO, 317, "480"), WMO318(Standard.IWMO, 318, "481"),
    WMO319(Standard.IWMO, 319, "482"), WMO320(Standard.IWMO, 320, "483"),
    WMO323(Standard.IWMO, 323, "484"), WMO325(Standard.IWMO, 325, "485");

    private final Standard standard;
    private final int number;
    private final String messageCode;

    MessageType(Standard standard, int number, String messageCode) {
        this.standard = standard;
        this.number = number;
        this.messageCode = messageCode;
    }

    public Standard standard() {
        return standard;
    }

    /** The number shared by iJw and iWmo (301 for JW301 and WMO301). */
    public int number() {
        return number;
    }

    /** The BerichtCode the header carries. */
    public String messageCode() {
        return messageCode;
    }

    /** Namespace of the message, e.g. {@code http://www.istandaarden.nl/ijw/3_2/jw301/schema}. */
    public String namespace() {
        return "http://www.istandaarden.nl/" + standard.basePrefix() + "/3_2/" + prefix() + "/schema";
    }

    /** Prefix used for the message namespace in written messages ({@code jw301}, {@code wmo301}). */
    public String prefix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** File name of the message's XSD inside its standard's directory. */
    public String schemaFile() {
        return name() + ".xsd";
    }

    public static MessageType of(Standard standard, int number) {
        return Arrays.stream(values())
                .filter(t -> t.standard == standard && t.number == number)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + standard + " message " + number));
    }

    public static Optional<MessageType> byNamespace(String namespace) {
        return Arrays.stream(values()).filter(t -> t.namespace().equals(namespace)).findFirst();
    }

    /** The same message in the given standard (JW305 in IWMO is WMO305). */
    public MessageType in(Standard other) {
        return of(other, number);
    }

    /**
     * The return message (retourbericht) that answers this one: 301 -> 302, 305 -> 306, 307 -> 308, 315 -> 316,
     * 317 -> 318, 319 -> 320, and 323 -> 325 (the declaration answer doubles as its return message).
     */
    public MessageType returnType() {
        return switch (number) {
            case 301, 305, 307, 315, 317, 319 -> of(standard, number + 1);
            case 323 -> of(standard, 325);
            default -> throw new IllegalArgumentException(this + " is itself a return message");
        };
    }
}
