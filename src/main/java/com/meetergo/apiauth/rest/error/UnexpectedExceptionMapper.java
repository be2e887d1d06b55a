package com.meetergo.apiauth.rest.error;

import com.meetergo.apiauth.security.BodyTooLargeException;
import com.meetergo.apiauth.security.Causes;
import com.meetergo.apiauth.security.CredentialRejectedException;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. A unique constraint that a concurrent request won (the services check first, the database decides)
 * is 409; a database fault is 503 (retry later), never a 4xx about the request; any other fault is a plain 500. The
 * details go to the log, not to the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (BodyTooLargeException.isCauseOf(e)) {
            return ErrorResponses.of(ContractError.BODY_TOO_LARGE);
        }
        var rejected = Causes.find(e, CredentialRejectedException.class);
        if (rejected.isPresent()) {
            return ErrorResponses.of(rejected.get().error());
        }
        if (isConstraintViolation(e)) {
            return ErrorResponses.of(409, "The request conflicts with data that already exists");
        }
        if (Causes.isDatabaseFault(e)) {
            LOG.log(Level.WARNING, "Database unavailable: {0}", e.getClass().getName());
            return ErrorResponses.of(ContractError.UNAVAILABLE);
        }
        LOG.log(Level.SEVERE, "Unexpected failure", e);
        return ErrorResponses.of(500, "Internal server error");
    }

    /** SQLSTATE class 23: integrity constraint violation, on H2 and PostgreSQL alike. */
    private static boolean isConstraintViolation(Throwable e) {
        return Causes.chain(e)
                .anyMatch(t -> t instanceof SQLException sql
                        && sql.getSQLState() != null
                        && sql.getSQLState().startsWith("23"));
    }
}
