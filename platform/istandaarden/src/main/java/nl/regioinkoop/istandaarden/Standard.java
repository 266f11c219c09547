package nl.regioinkoop.istandaarden;

/** The two iStandaarden this library speaks, release 3.2: iJw (Jeugdwet, youth) and iWmo (Wmo, social support). */
public enum Standard {
    IJW("ijw", "ijw-3.2", "JW"),
    IWMO("iwmo", "iwmo-3.2", "WMO");

    private final String id;
    private final String directory;
    private final String messagePrefix;

    Standard(String id, String directory, String messagePrefix) {
        this.id = id;
        this.directory = directory;
        this.messagePrefix = messagePrefix;
    }

    /** Namespace of the standard's basisschema, where the shared (CDT_*) elements live. */
    public String baseNamespace() {
        return "http://www.istandaarden.nl/" + id + "/3_2/basisschema/schema";
    }

    /** Prefix used for the basisschema namespace in written messages ({@code ijw} or {@code iwmo}). */
    public String basePrefix() {
        return id;
    }

    /** Sub-directory of the schema directory holding this standard's XSDs ({@code ijw-3.2}). */
    public String directory() {
        return directory;
    }

    String messagePrefix() {
        return messagePrefix;
    }
}
