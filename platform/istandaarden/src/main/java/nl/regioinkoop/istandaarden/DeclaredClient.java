package nl.regioinkoop.istandaarden;

import java.util.List;

/** The lines a 323 declares for one client. {@link #toString()} hides the BSN. */
public record DeclaredClient(String bsn, List<DeclarationLine> lines) {

    public DeclaredClient {
        lines = List.copyOf(lines);
    }

    @Override
    public String toString() {
        return "DeclaredClient[bsn=***, lines=" + lines + "]";
    }
}
