package nl.regioinkoop.contracting.contract;

/** ACTIVE: allocations possible; SUSPENDED: none until resumed; ENDED: terminated or run out. */
public enum ContractStatus {
    ACTIVE,
    SUSPENDED,
    ENDED
}
