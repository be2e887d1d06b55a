package com.meetergo.apiauth.domain.model.user;

public enum Role {
    OWNER, ADMIN, MEMBER;

    /** Owners and admins manage the company's resources; members reach only their own. */
    public boolean managesCompany() {
        return this != MEMBER;
    }
}
