package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.application.CompanyService;
import com.meetergo.apiauth.rest.dto.CompanyView;
import com.meetergo.apiauth.security.CurrentCaller;
import com.meetergo.apiauth.security.NoScopeRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's company and its plan, for every authenticated caller of the company. */
@Tag(name = "Company", description = "The company's plan and credential policy.")
@Path("v4/company")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CompanyResource {

    @Inject
    CurrentCaller caller;

    @Inject
    CompanyService companies;

    @NoScopeRequired
    @GET
    @Operation(
            operationId = "getCompany",
            summary = "Read the company",
            description = "The company the request acts for: its id, name and plan (FREE, ESSENTIALS, BUSINESS,"
                    + " ENTERPRISE or API_PLATFORM). Personal Access Tokens need ESSENTIALS or above; Platform API"
                    + " Keys need ENTERPRISE or API_PLATFORM.")
    public CompanyView get() {
        return CompanyView.of(companies.of(caller.get()));
    }
}
