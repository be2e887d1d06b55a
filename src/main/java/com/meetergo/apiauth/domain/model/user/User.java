package com.meetergo.apiauth.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A person of a company. Exactly one user per company is the {@link Role#OWNER}: created with the
 * company, never assigned afterwards. Deleting a user deactivates it, so audit references stay.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = "User.byCompany",
        query = "select u from User u where u.companyId = :companyId and u.active = true order by u.createdAt, u.email")
@NamedQuery(name = "User.ownerOf",
        query = "select u from User u where u.companyId = :companyId and u.role = com.meetergo.apiauth.domain.model.user.Role.OWNER")
@NamedQuery(name = "User.countByEmail", query = "select count(u) from User u where u.email = :email")
public class User {

    @Id
    private String id;

    @Column(name = "company_id", nullable = false)
    private String companyId;

    @Column(nullable = false, unique = true)
    private String email;

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

    protected User() {
    }

    public User(String companyId, String email, String givenName, String familyName, Role role, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.companyId = companyId;
        this.email = email;
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
    }

    public void changeRole(Role newRole) {
        role = newRole;
    }

    public void deactivate() {
        active = false;
    }
}
