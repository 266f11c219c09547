package nl.regioinkoop.provider.registry;

/** What kind of care a provider gives; procurement and monitoring group providers by it. */
public enum ProviderKind {
    YOUTH_CARE,
    YOUTH_MENTAL_HEALTH,
    LVB,
    MIXED,
    WMO
}
