package nl.regioinkoop.istandaarden;

import java.time.LocalDate;

/** Identification of a return message itself: IdentificatieRetour (up to 12 characters) and DagtekeningRetour. */
public record ReturnId(String messageId, LocalDate messageDate) {
}
