/**
 * The screens' shared part: the one look (layout fragments, CSS), the navigation and the role-aware home page, the
 * login (OpenID Connect, session in a cookie), CSRF protection of forms and Dutch formatting. Each service serves its
 * own screens beside its features and takes this module for the rest (docs/adr/0003).
 */
package nl.regioinkoop.web;
