package com.meetergo.apiauth.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The application's refusals a resource method can answer, beside the contract's authentication answers that every
 * secured operation has: declared here, beside the method, and read by the OpenAPI filter
 * ({@code rest/openapi/ContractDocumentation}) into the operation's responses.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Refuses {

    Refusal[] value();
}
