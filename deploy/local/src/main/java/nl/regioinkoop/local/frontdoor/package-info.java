/** The local run's one address: a reverse proxy by path prefix, as the Ingress of deploy/k8s. */
package nl.regioinkoop.local.frontdoor;
