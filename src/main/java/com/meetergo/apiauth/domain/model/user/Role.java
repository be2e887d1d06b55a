package com.meetergo.apiauth.domain.model.user;

public enum Role {
    OWNER,
    ADMIN,
    MEMBER;

    /** Owners and admins manage the company's resources; members reach only their own. */
    public boolean managesCompany() {
        return this != MEMBER;
    }

    /** The lesser of this role and {@code cap}: what a user may do through a credential minted with {@code cap}. */
    public Role atMost(Role cap) {
        return cap == null || ordinal() >= cap.ordinal() ? this : cap;
    }
}
