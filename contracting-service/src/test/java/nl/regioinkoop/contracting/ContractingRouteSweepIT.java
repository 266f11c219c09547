package nl.regioinkoop.contracting;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.RouteSweepContract;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every contracting-service route against callers without a token, strangers and hostile bodies. */
@MicronautTest(transactional = false)
class ContractingRouteSweepIT extends RouteSweepContract {
    @Override
    protected String databaseName() {
        return "contracting";
    }

    @Override
    protected String tokenForHostileInput() {
        return tokens.procurementOfficer("MLW");
    }

    @Override
    protected void seedDataOfSomeTenant() {
        Api.Response contract = new Api(server.getURL().toString()).post("/api/v1/contracts",
                tokens.procurementOfficer("MLW"), """
                {"providerAgb":"12345678","contractForm":"SELECTIVE","segment":"AMBULANT","municipalities":["0988"],
                 "products":[{"productCategory":"45","productCode":"45A48","segment":"AMBULANT","fundingModel":"PXQ",
                   "unit":"04","tariffs":[{"amountCents":9500}]}],
                 "validFrom":"2026-01-01","initialYears":2,"extensionOptions":[1],"noticeMonths":3}""");
        assertEquals(201, contract.status(), contract.toString());
    }
}
