package dev.camelbedrock.component.error;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The one place where SDK exceptions become the component's typed exceptions. Classification is by the service's
 * error code (the same code across runtime, agent runtime and control plane), falling back to the HTTP status.
 */
public final class BedrockErrors {

    private BedrockErrors() {
    }

    public static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Maps any failure of a call to the exception handed to the route. Input and already-mapped errors pass as they are. */
    public static Exception map(Throwable failure, String operation, String modelId) {
        Throwable t = unwrap(failure);
        if (t instanceof BedrockException be) {
            return be;
        }
        if (t instanceof AwsServiceException ase) {
            return mapService(ase, operation, modelId);
        }
        if (t instanceof SdkClientException || t instanceof java.io.IOException || t instanceof CancellationException) {
            return new BedrockClientException(
                    operation + " on model " + modelId + " got no answer from Bedrock: " + t.getMessage(), operation, modelId, t);
        }
        if (t instanceof Exception ex) {
            return ex;
        }
        return new BedrockException(operation + " failed: " + t, operation, modelId, t);
    }

    static BedrockServiceException mapService(AwsServiceException e, String operation, String modelId) {
        String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
        String serviceMessage = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
        int status = e.statusCode();
        String requestId = e.requestId();
        // inside an event stream the code is the lowerCamel event name (modelStreamErrorException)
        String c = code == null || code.isEmpty() ? "" : Character.toUpperCase(code.charAt(0)) + code.substring(1);
        String errorCode = c.isEmpty() ? null : c;
        String message = operation + (modelId != null ? " on model " + modelId : "") + " failed: "
                         + (errorCode != null ? errorCode : "HTTP " + status) + " (status " + status + ", request id " + requestId
                         + "): " + serviceMessage;
        if (c.equals("ThrottlingException") || c.equals("ModelNotReadyException") || c.equals("TooManyRequestsException")
            || (c.isEmpty() && status == 429)) {
            return new BedrockThrottlingException(message, operation, modelId, requestId, status, errorCode, true, e);
        }
        if (c.equals("ValidationException") || c.equals("TooManyTagsException")) {
            return new BedrockValidationException(message, operation, modelId, requestId, status, errorCode, false, e);
        }
        if (c.equals("AccessDeniedException") || c.equals("UnrecognizedClientException")
            || c.equals("InvalidSignatureException") || c.equals("ExpiredTokenException") || status == 403) {
            return new BedrockAccessDeniedException(message, operation, modelId, requestId, status, errorCode, false, e);
        }
        if (c.equals("ResourceNotFoundException") || (c.isEmpty() && status == 404)) {
            return new BedrockResourceNotFoundException(message, operation, modelId, requestId, status, errorCode, false, e);
        }
        if (c.equals("ModelTimeoutException") || status == 408) {
            return new BedrockModelTimeoutException(message, operation, modelId, requestId, status, errorCode, true, e);
        }
        if (c.equals("ModelErrorException") || c.equals("ModelStreamErrorException") || c.equals("DependencyFailedException")) {
            return new BedrockModelException(message, operation, modelId, requestId, status, errorCode, false, e);
        }
        if (c.equals("ServiceQuotaExceededException")) {
            return new BedrockQuotaExceededException(message, operation, modelId, requestId, status, errorCode, false, e);
        }
        if (c.equals("ConflictException") || c.equals("ResourceInUseException")) {
            return new BedrockConflictException(message, operation, modelId, requestId, status, errorCode, false, e);
        }
        if (status >= 500) {
            return new BedrockUnavailableException(message, operation, modelId, requestId, status, errorCode, true, e);
        }
        return new BedrockServiceException(message, operation, modelId, requestId, status, errorCode, e.retryable(), e);
    }
}
