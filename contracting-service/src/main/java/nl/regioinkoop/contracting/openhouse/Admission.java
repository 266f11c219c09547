package nl.regioinkoop.contracting.openhouse;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.contracting.contract.ContractView;
import nl.regioinkoop.contracting.tender.Bid;

/** An admission to an open house and the contract it gave. */
@Serdeable
record Admission(Bid admission, ContractView contract) {
}
