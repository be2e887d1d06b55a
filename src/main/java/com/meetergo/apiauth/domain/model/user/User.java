package com.meetergo.apiauth.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A person of a company. Exactly one user per company is the {@link Role#OWNER}: created with the company, never
 * assigned afterwards. Deleting a user deactivates it, so audit references stay, and frees its email. An email is
 * unique per company among live users, whatever its case.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(
        name = "User.byCompany",
        query = "select u from User u where u.companyId = :companyId and u.active = true order by u.createdAt, u.email")
@NamedQuery(
        name = "User.ownerOf",
        query = "select u from User u where u.companyId = :companyId and u.role = "
                + "com.meetergo.apiauth.domain.model.user.Role.OWNER")
@NamedQuery(name = "User.countByEmailKey", query = "select count(u) from User u where u.emailKey = :key")
@NamedQuery(
        name = "User.countByCompanyAndEmailKey",
        query = "select count(u) from User u where u.companyId = :companyId and u.emailKey = :key")
public class User {

    @Id
    private String id;

    @Column(name = "company_id", nullable = false)
    private String companyId;

    @Column(nullable = false)
    private String email;

    /** The lower-cased email while the user is live, unique per company; null once deleted. */
    @Column(name = "email_key")
    private String emailKey;

    @Column(name = "given_name", nullable = false)
    private String givenName;

    @Column(name = "family_name", nullable = false)
    private String familyName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected User() {}

    public User(String companyId, String email, String givenName, String familyName, Role role, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.companyId = companyId;
        this.email = email;
        this.emailKey = keyOf(email);
        this.givenName = givenName;
        this.familyName = familyName;
        this.role = role;
        this.active = true;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String companyId() {
        return companyId;
    }

    public String email() {
        return email;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    public Role role() {
        return role;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean belongsTo(String company) {
        return active && companyId.equals(company);
    }

    public void rename(String newGivenName, String newFamilyName) {
        if (newGivenName != null) {
            givenName = newGivenName;
        }
        if (newFamilyName != null) {
            familyName = newFamilyName;
        }
    }

    public void changeEmail(String newEmail) {
        email = newEmail;
        emailKey = keyOf(newEmail);
    }

    /** What makes two emails the same address here: case does not count. */
    public static String keyOf(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    public void changeRole(Role newRole) {
        role = newRole;
    }

    /** Deleted: the row stays for the audit trail, the email is free again. */
    public void deactivate() {
        active = false;
        emailKey = null;
    }
}
