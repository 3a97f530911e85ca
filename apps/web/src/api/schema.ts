// Generated from the API's OpenAPI document by `npm run web:api-types`. Do not edit.

export interface paths {
  "/appointment-slots": {
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["SlotsResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["SlotRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["SlotResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/appointment-slots/{id}": {
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    patch?: never;
  };
  "/appointments": {
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["AppointmentsResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["AppointmentRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["AppointmentResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/appointments/{id}": {
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["AppointmentMoveRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["AppointmentResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
  };
  "/appointments/{id}/attendance": {
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["AttendanceRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["AppointmentResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/appointments/{id}/cancel": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["AppointmentResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/appointments/{id}/participants": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["ParticipantRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["AppointmentResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/audit-events": {
    get: {
      parameters: {
        query?: {
          limit?: unknown;
          offset?: unknown;
          subjectType?: string;
          subjectId?: string;
          actorUserId?: string;
          from?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["AuditEventPageResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/auth/login": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["LoginRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["SessionResponse"] } };
        401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        429: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/auth/logout": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
        403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/auth/me": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["UserResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/auth/methods": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["LoginMethodsResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/auth/oidc/callback": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["SessionResponse"] } };
        302: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
        401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/auth/oidc/exchange": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["SsoExchangeRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["SessionResponse"] } };
        401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/auth/oidc/login": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        302: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/auth/oidc/web-login": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        302: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/auth/password": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["ChangePasswordRequest"] } };
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/auth/refresh": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["SessionResponse"] } };
        401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/auth/totp/confirm": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["TotpConfirmRequest"] } };
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/auth/totp/enrol": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["TotpEnrolmentResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries": {
    get: {
      parameters: {
        query?: {
          coachUserId?: string;
          status?: "active" | "all" | "oriented" | "in_coaching" | "ended" | "reoriented";
          alert?: "no_contact" | "cer_ending" | "behind_rhythm";
          sort?: "name" | "last_contact" | "cer_end" | "alerts";
          order?: "asc" | "desc";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["PortfolioResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["RegisterBeneficiaryRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["BeneficiarySummaryResponse"] } };
        403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["BeneficiaryFileResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["UpdateBeneficiaryRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["BeneficiarySummaryResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
  };
  "/beneficiaries/{id}/appointments": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["AppointmentsResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/assignment": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["AssignRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["BeneficiarySummaryResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/barriers": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["BarrierRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["BarrierResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/barriers/{barrierId}": {
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          barrierId: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["BarrierChangesRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["BarrierResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
  };
  "/beneficiaries/{id}/booking-invitations": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["InvitationResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/cers": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["CerRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CerResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/cers/{cerId}/outcome": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          cerId: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["CerOutcomeRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': Array<components['schemas']["CerResponse"]> } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/cers/{cerId}/pdf": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          cerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/pdf': string } };
        404: { headers: { [name: string]: unknown }; content: { 'application/pdf': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/closure": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["CloseRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["BeneficiarySummaryResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/consents": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["ConsentRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': Array<components['schemas']["ConsentResponse"]> } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/consents/{purpose}": {
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          purpose: "share_profile_with_employers" | "photo" | "contact_by_email" | "contact_by_sms" | "share_file_with_professionals";
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': Array<components['schemas']["ConsentResponse"]> } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    patch?: never;
  };
  "/beneficiaries/{id}/diagnostic": {
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["DiagnosticRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["DiagnosticResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/erasure": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErasureResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/events": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["EventRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["EventResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/events/{eventId}": {
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          eventId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["DeletedEventResponse"] } };
        403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    patch?: never;
  };
  "/beneficiaries/{id}/events/{eventId}/aid": {
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          eventId: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["AidDecisionRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["EventResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
  };
  "/beneficiaries/{id}/export": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["PersonExportResponse"] } };
        403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/export.txt": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'text/plain': string } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/matches": {
    get: {
      parameters: {
        query?: {
          limit?: number;
          offset?: number;
          publishedWithinDays?: number;
          maxDistanceKm?: number;
          contractTypes?: string;
          workingTime?: "full_time" | "part_time" | "any";
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["BeneficiaryMatchesResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/message-deliveries": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["DeliveryListResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/objectives": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ObjectivesResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["ObjectiveRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ObjectiveResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/objectives/{objectiveId}": {
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          objectiveId: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["ObjectiveChangesRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ObjectiveResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
  };
  "/beneficiaries/{id}/photo": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'image/jpeg': string; 'image/png': string } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'multipart/form-data': FormData } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["PhotoResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        413: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    patch?: never;
  };
  "/beneficiaries/{id}/proposals": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["ProposalRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': Array<components['schemas']["ProposalResponse"]> } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/shares": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': Array<components['schemas']["ShareResponse"]> } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["ShareRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ShareResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/beneficiaries/{id}/shares/{shareId}": {
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          shareId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ShareResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    patch?: never;
  };
  "/beneficiaries/{id}/space-links": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["SpaceLinkListResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["SpaceLinkSentResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    patch?: never;
  };
  "/bookings/{token}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["BookingPageResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        410: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["BookingPageResponse"] } };
        429: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["BookingRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["BookingPageResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        410: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["BookingPageResponse"] } };
        429: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/calendar-feed": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CalendarFeedStateResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CalendarFeedResponse"] } };
      };
    };
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    patch?: never;
  };
  "/calendar/{token}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'text/calendar': string } };
        404: { headers: { [name: string]: unknown }; content: { 'text/calendar': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/candidate-requests": {
    get: {
      parameters: {
        query?: {
          status?: "pending" | "agreed" | "declined";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CandidateRequestListResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/candidate-requests/{id}/decision": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["CandidateDecisionRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CandidateRequestResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/coaches/loads": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CoachLoadsResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/contact-rhythms": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ContactRhythmsResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/contact-rhythms/{id}": {
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["ContactRhythmRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["RhythmSettingResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["RhythmSettingResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    patch?: never;
  };
  "/employers": {
    get: {
      parameters: {
        query?: {
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["EmployerListResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["EmployerRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["EmployerResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/employers/follow-ups": {
    get: {
      parameters: {
        query?: {
          until?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["DueActionListResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/employers/interactions/{id}/done": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/employers/need-links": {
    get: {
      parameters: {
        query?: {
          employerId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["NeedLinkListResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["NeedLinkRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["NeedLinkCreatedResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/employers/need-links/{id}": {
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    patch?: never;
  };
  "/employers/needs": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["NeedListResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/employers/needs/export.csv": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'text/csv': string } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/employers/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["EmployerDetailResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/employers/{id}/contacts": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["ContactRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CreatedIdResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/employers/{id}/interactions": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["InteractionRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CreatedIdResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/employers/{id}/job-analyses": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["JobAnalysisRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["JobAnalysisCreatedResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/employers/{id}/job-analyses/{analysisId}/qualification": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          analysisId: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["JobAnalysisRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["JobAnalysisCreatedResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/employers/{id}/need-links": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["NeedLinkRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["NeedLinkCreatedResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/entrants-imports": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'multipart/form-data': FormData } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["EntrantsImportResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        413: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/entrants-imports/preview": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'multipart/form-data': FormData } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["EntrantsPreviewResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        413: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/file-shares/received": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': Array<components['schemas']["ReceivedShareResponse"]> } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/file-shares/recipients": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': Array<components['schemas']["ShareRecipientResponse"]> } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/follow-ups": {
    get: {
      parameters: {
        query?: {
          state?: "due" | "overdue" | "upcoming" | "answered";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["FollowUpListResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/follow-ups/{id}/answer": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["FollowUpAnswerRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["FollowUpResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/follow-ups/{id}/employer-links": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["EmployerFollowUpLinkListResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["EmployerFollowUpLinkRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["EmployerFollowUpLinkCreatedResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/follow-ups/{id}/employer-links/{linkId}": {
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          linkId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    patch?: never;
  };
  "/health": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["LivenessResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/indicators": {
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
          structureId?: string;
          coachId?: string;
          groupBy?: "none" | "coach" | "structure" | "commune" | "departement";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["IndicatorsResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/indicators/export.csv": {
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
          structureId?: string;
          coachId?: string;
          groupBy?: "none" | "coach" | "structure" | "commune" | "departement";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'text/csv': string } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/indicators/refusal-reasons": {
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["RefusalReasonsResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/introductions": {
    get: {
      parameters: {
        query?: {
          status?: "proposed" | "accepted" | "card_sent" | "employer_interested" | "interview" | "trial" | "hired" | "declined" | "withdrawn";
          offerId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["IntroductionListResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["IntroductionRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["IntroductionResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/introductions/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["IntroductionResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/introductions/{id}/card": {
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["CardEditRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CandidateCardResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/introductions/{id}/card/choices": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CardChoicesResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/introductions/{id}/links": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["SendLinkRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CardLinkResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
      };
    };
    patch?: never;
  };
  "/introductions/{id}/pmsmp": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["PmsmpConventionResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["PmsmpConventionRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["PmsmpConventionResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/introductions/{id}/pmsmp.pdf": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/pdf': string } };
        404: { headers: { [name: string]: unknown }; content: { 'application/pdf': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/pdf': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/introductions/{id}/pmsmp/signatures": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["PmsmpSignatureRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["PmsmpConventionResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/introductions/{id}/transitions": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["TransitionRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["IntroductionResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/matching/search": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["MatchSearchRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["MatchResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/mediation/captured-offers": {
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CapturedOffersResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/notifications": {
    get: {
      parameters: {
        query?: {
          unread?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["NotificationsResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/notifications/unread-count": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["UnreadCountResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/notifications/{id}/read": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/offers": {
    get: {
      parameters: {
        query?: {
          limit?: unknown;
          offset?: unknown;
          q?: string;
          sort?: "recent" | "relevance";
          source?: string;
          status?: "open" | "closed";
          departement?: string;
          contractType?: "cdi" | "cdd" | "interim" | "alternance" | "saisonnier" | "pmsmp" | "independant" | "other";
          romeCode?: string;
          includeDuplicates?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["OfferPageResponse"] } };
        503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["PostOfferRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["OfferResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/offers/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["OfferResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["PostOfferRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["OfferResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/offers/{id}/candidates": {
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CandidatesResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/offers/{id}/candidates/{ref}/requests": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          ref: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["CandidateRequestBody"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CandidateRequestResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/offers/{id}/close": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["CloseOfferRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["OfferResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/placements": {
    get: {
      parameters: {
        query: {
          beneficiaryId: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["PlacementListResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["PlacementRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["PlacementResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/placements/{id}/end": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["PlacementEndRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["PlacementResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/ready": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ReadinessResponse"] } };
        503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ReadinessResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/referential/{kind}": {
    get: {
      parameters: {
        query: {
          q: string;
          limit?: unknown;
        };
        header?: never;
        path: {
          kind: "occupations" | "appellations" | "skills" | "communes";
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': Array<components['schemas']["OccupationSuggestionResponse"] | components['schemas']["AppellationSuggestionResponse"] | components['schemas']["SkillSuggestionResponse"] | components['schemas']["CommuneSuggestionResponse"]> } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/runs/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["RunResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/runs/{id}/rejections": {
    get: {
      parameters: {
        query?: {
          limit?: unknown;
          offset?: unknown;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["RejectionPageResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/settings": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': Array<components['schemas']["SettingResponse"]> } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/settings/{key}": {
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["ChangeSettingRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["SettingResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["SettingResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    patch?: never;
  };
  "/shortlists": {
    get: {
      parameters: {
        query?: {
          offerId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ShortlistListResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["ShortlistRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ShortlistLinkResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/shortlists/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ShortlistResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/shortlists/{id}/link": {
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    patch?: never;
  };
  "/shortlists/{id}/replies": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["ShortlistReplyRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ShortlistResponse"] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/sources": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': Array<components['schemas']["SourceResponse"]> } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["SourceRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["SourceResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/sources/try": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["SourceTrialRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["TrialResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/sources/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["SourceResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["SourceUpdateRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["SourceResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        422: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
  };
  "/sources/{id}/runs": {
    get: {
      parameters: {
        query?: {
          limit?: unknown;
          offset?: unknown;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["RunPageResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        202: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["RunQueuedResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/structures": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': Array<components['schemas']["StructureResponse"]> } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["CreateStructureRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["StructureResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/structures/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["StructureResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch?: never;
  };
  "/users": {
    get: {
      parameters: {
        query?: {
          limit?: unknown;
          offset?: unknown;
          structureId?: string;
          role?: "coach" | "platform_staff" | "manager" | "admin";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["UserPageResponse"] } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["CreateUserRequest"] } };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["CreatedUserResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/users/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["UserResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: { content: { 'application/json': components['schemas']["UpdateUserRequest"] } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["UserResponse"] } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
  };
  "/users/{id}/password-reset": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["TemporaryPasswordResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
  "/users/{id}/totp-reset": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
        404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
        409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']["ErrorResponse"] } };
      };
    };
    delete?: never;
    patch?: never;
  };
}

export interface components {
  schemas: {
    AccessLogEntryResponse: {
      occurredAt: string;
      actorUserId: string;
      action: string;
      details: Record<string, unknown>;
    };
    AidDecisionRequest: {
      decision: "pending" | "granted" | "refused";
      amount?: number;
    };
    AidDto: {
      kind: "childcare" | "mobility" | "equipment" | "other";
      amount?: number;
      decision?: "pending" | "granted" | "refused";
    };
    AidResponse: {
      kind: "childcare" | "mobility" | "equipment" | "other";
      amount: number | null;
      decision: "pending" | "granted" | "refused";
    };
    AppellationSuggestionResponse: {
      kind: "appellation";
      code: string;
      label: string;
      codeRome: string;
    };
    AppointmentMoveRequest: {
      startsAt: string;
      endsAt: string;
      place?: string;
    };
    AppointmentRequest: {
      kind: "in_person" | "phone" | "video" | "collective";
      startsAt: string;
      endsAt: string;
      title?: string;
      place?: string;
      capacity?: number;
      beneficiaryIds: Array<string>;
    };
    AppointmentResponse: {
      id: string;
      coachUserId: string;
      kind: "in_person" | "phone" | "video" | "collective";
      title: string | null;
      place: string | null;
      capacity: number | null;
      startsAt: string;
      endsAt: string;
      cancelledAt: string | null;
      participants: Array<components['schemas']["ParticipantResponse"]>;
    };
    AppointmentsResponse: {
      items: Array<components['schemas']["AppointmentResponse"]>;
    };
    AssignRequest: {
      coachUserId: string;
      capOverride?: boolean;
      reason?: string;
    };
    AttendanceRequest: {
      beneficiaryId: string;
      attendance: "present" | "absent" | "excused";
    };
    AuditEventPageResponse: {
      items: Array<components['schemas']["AuditEventResponse"]>;
      total: number;
    };
    AuditEventResponse: {
      id: string;
      occurredAt: string;
      actorUserId: string | null;
      actorStructureId: string | null;
      actorRoles: Array<string>;
      action: string;
      subjectType: string;
      subjectId: string;
      subjectStructureId: string | null;
      requestId: string | null;
      ip: string | null;
      details: Record<string, unknown>;
    };
    BarrierChangesRequest: {
      status?: "identified" | "in_progress" | "resolved";
      description?: string;
      actions?: string;
      healthNote?: string;
    };
    BarrierRequest: {
      kind: "mobility" | "childcare" | "housing" | "debt" | "health" | "digital" | "language" | "administrative";
      status: "identified" | "in_progress" | "resolved";
      description?: string;
      actions?: string;
      healthNote?: string;
    };
    BarrierResponse: {
      id: string;
      kind: "mobility" | "childcare" | "housing" | "debt" | "health" | "digital" | "language" | "administrative";
      status: "identified" | "in_progress" | "resolved";
      description: string | null;
      actions: string | null;
      healthNote?: string | null;
      createdAt: string;
      resolvedAt: string | null;
    };
    BeneficiaryFileResponse: {
      id: string;
      firstName: string | null;
      lastName: string | null;
      communeName: string | null;
      postalCode: string | null;
      structureId: string;
      referentUserId: string | null;
      status: "oriented" | "in_coaching" | "ended" | "reoriented";
      exitReason: "job" | "training" | "business_creation" | "moved" | "health" | "no_contact" | "other" | null;
      orientationDate: string;
      endedOn: string | null;
      cvDepositedOn: string | null;
      birthDate: string | null;
      email: string | null;
      phone: string | null;
      address: string | null;
      communeInsee: string | null;
      homeDepartement: string | null;
      reorientedTo: string | null;
      cvPlatform: "nordemploi" | "job_connexion" | "france_travail" | "other" | null;
      referentName: string | null;
      referents: Array<components['schemas']["ReferentResponse"]>;
      diagnostic: components['schemas']["DiagnosticResponse"] | null;
      labels: Record<string, string>;
      barriers: Array<components['schemas']["BarrierResponse"]>;
      cers: Array<components['schemas']["CerResponse"]>;
      objectives: Array<components['schemas']["ObjectiveResponse"]>;
      rhythm: components['schemas']["RhythmStatusResponse"] | null;
      events: Array<components['schemas']["EventResponse"]>;
      proposals: Array<components['schemas']["ProposalResponse"]>;
      consents: Array<components['schemas']["ConsentResponse"]>;
      sharedAccess: components['schemas']["SharedAccessResponse"] | null;
    };
    BeneficiaryMatchResponse: {
      id: string;
      score: number;
      title: string;
      employerName: string | null;
      communeName: string | null;
      postalCode: string | null;
      placePrecision: "commune" | "departement" | "region" | "country" | "abroad";
      placeLabel: string;
      contractType: "cdi" | "cdd" | "interim" | "alternance" | "saisonnier" | "pmsmp" | "independant" | "other";
      workingTime: "full_time" | "part_time" | "unknown";
      romeCode: string | null;
      romeLabel: string | null;
      publishedAt: number | null;
      location: components['schemas']["GeoPointResponse"] | null;
      explanation: components['schemas']["MatchExplanationResponse"];
      proposed: boolean;
    };
    BeneficiaryMatchesResponse: {
      profile: components['schemas']["ProfileDto"];
      origin: components['schemas']["GeoPointResponse"];
      items: Array<components['schemas']["BeneficiaryMatchResponse"]>;
      candidates: number;
    };
    BeneficiarySummaryResponse: {
      id: string;
      firstName: string | null;
      lastName: string | null;
      communeName: string | null;
      postalCode: string | null;
      structureId: string;
      referentUserId: string | null;
      status: "oriented" | "in_coaching" | "ended" | "reoriented";
      exitReason: "job" | "training" | "business_creation" | "moved" | "health" | "no_contact" | "other" | null;
      orientationDate: string;
      endedOn: string | null;
      cvDepositedOn: string | null;
    };
    BookedAppointmentResponse: {
      kind: "in_person" | "phone" | "video" | "collective";
      title: string | null;
      place: string | null;
      startsAt: string;
      endsAt: string;
      cancelled: boolean;
    };
    BookingPageResponse: {
      state: "open" | "booked" | "gone";
      reason: "expired" | "revoked" | "closed" | null;
      firstName: string | null;
      expiresAt: string | null;
      slots: Array<components['schemas']["BookingSlotResponse"]>;
      booked: components['schemas']["BookedAppointmentResponse"] | null;
    };
    BookingRequest: {
      slotId: string;
    };
    BookingSlotResponse: {
      id: string;
      kind: "in_person" | "phone" | "video" | "collective";
      title: string | null;
      place: string | null;
      startsAt: string;
      endsAt: string;
    };
    CalendarFeedResponse: {
      url: string;
    };
    CalendarFeedStateResponse: {
      live: boolean;
    };
    CandidateCardResponse: {
      firstName: string;
      headline: string;
      skills: Array<string>;
      qualities: Array<string>;
      experiences: Array<components['schemas']["CardExperienceResponse"]>;
      availability: string | null;
      mobility: components['schemas']["CardMobilityResponse"];
      languages: Array<string>;
      note: string | null;
    };
    CandidateDecisionRequest: {
      agree: boolean;
      reason?: string;
    };
    CandidateExplanationResponse: {
      matchingSkills: Array<string>;
      missingCoreSkills: Array<string>;
      occupationPath: string | null;
      occupationRelation: "held" | "target" | "neighbour" | "mobility" | null;
      skillsFromText: Array<string>;
      coveredBy: Array<components['schemas']["CoveredSkillResponse"]>;
      contractFit: string;
      workingTimeFit: string;
      scheduleFit: string;
      distanceKm: number | null;
      place: string;
      distanceBand: string;
      parts: components['schemas']["ScorePartsResponse"] | null;
    };
    CandidateRequestBody: {
      message?: string;
    };
    CandidateRequestListResponse: {
      items: Array<components['schemas']["CandidateRequestResponse"]>;
    };
    CandidateRequestResponse: {
      id: string;
      offerId: string;
      offerTitle: string;
      status: "pending" | "agreed" | "declined";
      requestedBy: string;
      requestedByName: string;
      message: string | null;
      createdAt: string;
      decidedAt: string | null;
      declineReason: string | null;
      introductionId: string | null;
      beneficiaryId: string | null;
      label: string;
    };
    CandidateRequestStateResponse: {
      id: string;
      status: "pending" | "agreed" | "declined";
      at: string;
    };
    CandidateResponse: {
      ref: string;
      label: string;
      revealed: boolean;
      beneficiaryId: string | null;
      score: number;
      explanation: components['schemas']["CandidateExplanationResponse"];
      availabilityDate: string | null;
      offersProposed: number;
      openIntroductions: number;
      hasReferent: boolean;
      referentName: string | null;
      ownPortfolio: boolean;
      proposed: boolean;
      request: components['schemas']["CandidateRequestStateResponse"] | null;
    };
    CandidatesOfferResponse: {
      id: string;
      title: string;
      source: string;
      status: "open" | "closed";
      communeName: string;
    };
    CandidatesResponse: {
      offer: components['schemas']["CandidatesOfferResponse"];
      items: Array<components['schemas']["CandidateResponse"]>;
    };
    CapOverrideResponse: {
      beneficiaryId: string;
      firstName: string | null;
      lastName: string | null;
      coachUserId: string;
      assignedAt: string;
      assignedByUserId: string;
      assignedByName: string | null;
      reason: string | null;
    };
    CapturedOfferDelayResponse: {
      offerId: string;
      title: string;
      employerName: string | null;
      source: string;
      capturedAt: string;
      firstCandidateAt: string | null;
      hours: number;
      state: "met" | "missed" | "waiting" | "overdue";
      candidatesProposed: number;
    };
    CapturedOffersResponse: {
      targetHours: number;
      from: string;
      to: string;
      summary: components['schemas']["CapturedOffersSummaryResponse"];
      items: Array<components['schemas']["CapturedOfferDelayResponse"]>;
    };
    CapturedOffersSummaryResponse: {
      offers: number;
      withCandidate: number;
      withinTarget: number;
      withinTargetRate: number | null;
      overdue: number;
      medianHours: number | null;
    };
    CardChoicesResponse: {
      skills: Array<string>;
      qualities: Array<string>;
    };
    CardEditRequest: {
      note?: string | null;
      skills?: Array<string>;
      qualities?: Array<string>;
    };
    CardExperienceResponse: {
      label: string;
      months: number;
    };
    CardLinkResponse: {
      url: string;
      expiresAt: string;
      emailedTo: string | null;
    };
    CardMobilityResponse: {
      drivingLicence: boolean;
      vehicle: boolean;
      maxDistanceKm: number;
    };
    CardValidationResponse: {
      state: "validated" | "not_validated" | "change_requested" | "outdated";
      decision: "validated" | "change_requested" | null;
      decidedAt: string | null;
      comment: string | null;
      editedSinceDecision: boolean;
    };
    CerOutcomeRequest: {
      outcome: "renewed" | "exit_job" | "exit_training" | "exit_other" | "reoriented";
      on: string;
      exitReason?: "job" | "training" | "business_creation" | "moved" | "health" | "no_contact" | "other";
      reorientedTo?: string;
      renewal?: components['schemas']["RenewalDto"];
    };
    CerRequest: {
      beneficiaryCommitments: Array<string>;
      serviceCommitments: Array<string>;
      signedOn: string;
      startDate: string;
      durationMonths?: number;
    };
    CerResponse: {
      id: string;
      signedOn: string;
      startDate: string;
      durationMonths: number;
      endDate: string;
      beneficiaryCommitments: Array<string>;
      serviceCommitments: Array<string>;
      outcome: "renewed" | "exit_job" | "exit_training" | "exit_other" | "reoriented" | null;
      outcomeOn: string | null;
    };
    ChangePasswordRequest: {
      currentPassword: string;
      newPassword: string;
    };
    ChangeSettingRequest: {
      value: number;
    };
    CheckpointResponse: {
      id: string;
      milestone: "m1" | "m3" | "m6";
      dueOn: string;
      answeredAt: string | null;
    };
    CloseOfferRequest: {
      reason: "manual" | "filled";
    };
    CloseRequest: {
      status: "ended" | "reoriented";
      on: string;
      exitReason?: "job" | "training" | "business_creation" | "moved" | "health" | "no_contact" | "other";
      reorientedTo?: string;
    };
    CoachLoadResponse: {
      userId: string;
      displayName: string;
      structureId: string;
      structureName: string;
      load: number;
      overrides: number;
    };
    CoachLoadsResponse: {
      cap: number;
      coaches: Array<components['schemas']["CoachLoadResponse"]>;
      unassigned: number;
      capOverrides: Array<components['schemas']["CapOverrideResponse"]>;
    };
    CoachRhythmResponse: {
      userId: string;
      displayName: string;
      followed: number;
      behind: number;
    };
    CommuneDto: {
      inseeCode?: string;
      postalCode?: string;
    };
    CommuneSuggestionResponse: {
      kind: "commune";
      code: string;
      label: string;
      postalCode: string;
      departement: string;
    };
    ConsentRequest: {
      purpose: "share_profile_with_employers" | "photo" | "contact_by_email" | "contact_by_sms" | "share_file_with_professionals";
    };
    ConsentResponse: {
      purpose: "share_profile_with_employers" | "photo" | "contact_by_email" | "contact_by_sms" | "share_file_with_professionals";
      grantedAt: string;
      recordedBy: string;
      revokedAt: string | null;
      revokedBy: string | null;
    };
    ContactRequest: {
      name: string;
      role?: string;
      phone?: string;
      email?: string;
    };
    ContactRhythmRequest: {
      contacts: number;
      periodDays: number;
    };
    ContactRhythmResponse: {
      contacts: number;
      periodDays: number;
    };
    ContactRhythmsResponse: {
      structures: Array<components['schemas']["RhythmSettingResponse"]>;
      coaches: Array<components['schemas']["CoachRhythmResponse"]>;
      behind: Array<components['schemas']["RhythmPersonResponse"]>;
    };
    CoveredSkillResponse: {
      skill: string;
      by: string;
    };
    CreateStructureRequest: {
      name: string;
      kind: "departement" | "local_office" | "association" | "regional_platform" | "other";
      parentId?: string;
    };
    CreateUserRequest: {
      email: string;
      displayName: string;
      structureId: string;
      roles: Array<"coach" | "platform_staff" | "manager" | "admin">;
      password?: string;
    };
    CreatedEntrantResponse: {
      line: number;
      id: string;
    };
    CreatedIdResponse: {
      id: string;
    };
    CreatedUserResponse: {
      user: components['schemas']["UserResponse"];
      temporaryPassword?: string | null;
      temporaryPasswordExpiresAt?: string | null;
    };
    DeletedEventResponse: {
      id: string;
      deletedAt: string;
    };
    DeliveriesResponse: {
      email: "sent" | "failed" | "no_consent" | "no_address";
      sms: "sent" | "failed" | "no_consent" | "no_address";
    };
    DeliveryListResponse: {
      items: Array<components['schemas']["DeliveryResponse"]>;
    };
    DeliveryResponse: {
      channel: "email" | "sms";
      purpose: "invitation" | "reminder" | "moved" | "space_link" | "space_code";
      status: "sent" | "failed";
      error: string | null;
      appointmentId: string | null;
      at: string;
    };
    DependencyStatusResponse: {
      status: "up" | "down";
    };
    DiagnosticExperienceDto: {
      romeCode?: string;
      jobTitle?: string;
      employerKind?: "company" | "association" | "public" | "individual" | "interim" | "other";
      months: number;
      startedOn?: string;
      endedOn?: string;
    };
    DiagnosticRequest: {
      maxDistanceKm: number;
      drivingLicence: boolean;
      contractTypes: Array<"cdi" | "cdd" | "interim" | "alternance" | "saisonnier" | "pmsmp" | "independant" | "other">;
      workingTime: "full_time" | "part_time" | "any";
      experiences: Array<components['schemas']["DiagnosticExperienceDto"]>;
      skills: Array<components['schemas']["EvidencedSkillDto"]>;
      desiredOccupations: Array<string>;
      vehicle: boolean;
      constraints: Array<"no_night" | "no_weekend" | "school_hours">;
      availabilityDate?: string | null;
      digitalAutonomy?: "none" | "basic" | "autonomous" | null;
      languages: Array<components['schemas']["LanguageDto"]>;
      certificates?: Array<string>;
    };
    DiagnosticResponse: {
      experiences: Array<components['schemas']["DiagnosticExperienceDto"]>;
      skills: Array<components['schemas']["EvidencedSkillDto"]>;
      desiredOccupations: Array<string>;
      drivingLicence: boolean;
      vehicle: boolean;
      maxDistanceKm: number;
      contractTypes: Array<"cdi" | "cdd" | "interim" | "alternance" | "saisonnier" | "pmsmp" | "independant" | "other">;
      workingTime: "full_time" | "part_time" | "any";
      constraints: Array<"no_night" | "no_weekend" | "school_hours">;
      availabilityDate: string | null;
      digitalAutonomy: "none" | "basic" | "autonomous" | null;
      languages: Array<components['schemas']["LanguageDto"]>;
      certificates: Array<string>;
      updatedAt: string;
    };
    DueActionListResponse: {
      items: Array<components['schemas']["DueActionResponse"]>;
    };
    DueActionResponse: {
      id: string;
      employerId: string;
      employerName: string;
      nextAction: string;
      nextActionOn: string;
    };
    EmployerAnswerResponse: {
      answer: "interested" | "not_now" | "question";
      message: string | null;
      proposedInterview: string | null;
      at: string;
    };
    EmployerContactResponse: {
      id: string;
      name: string;
      role: string | null;
      phone: string | null;
      email: string | null;
    };
    EmployerDetailResponse: {
      id: string;
      siret: string | null;
      name: string;
      sector: string | null;
      sizeBand: "0" | "1-9" | "10-49" | "50-249" | "250+" | null;
      communeInsee: string;
      communeName: string;
      structureId: string;
      contacts: Array<components['schemas']["EmployerContactResponse"]>;
      interactions: Array<components['schemas']["EmployerInteractionResponse"]>;
      analyses: Array<components['schemas']["JobAnalysisSummaryResponse"]>;
    };
    EmployerFollowUpLinkCreatedResponse: {
      id: string;
      url: string;
      expiresAt: string;
      emailedTo: string;
    };
    EmployerFollowUpLinkListResponse: {
      items: Array<components['schemas']["EmployerFollowUpLinkResponse"]>;
    };
    EmployerFollowUpLinkRequest: {
      contactId: string;
      days?: number;
    };
    EmployerFollowUpLinkResponse: {
      id: string;
      contactName: string;
      contactEmail: string;
      state: "sent" | "opened" | "answered";
      createdAt: string;
      expiresAt: string;
      revokedAt: string | null;
      openedAt: string | null;
      answeredAt: string | null;
    };
    EmployerFormAnswerResponse: {
      source: "employer";
      answeredAt: string;
      inJob: boolean;
      endDate: string | null;
      endReason: "contract_end" | "resignation" | "dismissal" | "trial_period_end" | "other" | null;
      remark: string | null;
    };
    EmployerFormResponse: {
      linkId: string;
      state: "sent" | "opened" | "answered";
      contactName: string;
      sentAt: string;
      expiresAt: string;
      openedAt: string | null;
      answer: components['schemas']["EmployerFormAnswerResponse"] | null;
    };
    EmployerInteractionResponse: {
      id: string;
      kind: "visit" | "call" | "email" | "event" | "reminder";
      occurredOn: string;
      outcome: string | null;
      nextAction: string | null;
      nextActionOn: string | null;
      nextActionDoneAt: string | null;
      authorId: string;
    };
    EmployerListResponse: {
      items: Array<components['schemas']["EmployerResponse"]>;
    };
    EmployerRequest: {
      siret?: string;
      name: string;
      sector?: string;
      sizeBand?: "0" | "1-9" | "10-49" | "50-249" | "250+";
      commune: components['schemas']["HomeCommuneDto"];
    };
    EmployerResponse: {
      id: string;
      siret: string | null;
      name: string;
      sector: string | null;
      sizeBand: "0" | "1-9" | "10-49" | "50-249" | "250+" | null;
      communeInsee: string;
      communeName: string;
      structureId: string;
    };
    EntrantDuplicateResponse: {
      line: number;
      lastName: string;
      firstName: string;
      birthDate: string;
      existingId: string | null;
      duplicateOfLine: number | null;
    };
    EntrantRefusalResponse: {
      line: number;
      problems: Array<components['schemas']["LineProblemResponse"]>;
    };
    EntrantToCreateResponse: {
      line: number;
      lastName: string;
      firstName: string;
      birthDate: string;
      address: string | null;
      communeName: string;
      postalCode: string;
      orientationDate: string;
      structureId: string;
      structureName: string;
      email: string | null;
      phone: string | null;
      consentEmail: boolean;
      consentSms: boolean;
      invitedBy: Array<"email" | "sms">;
    };
    EntrantsImportResponse: {
      created: Array<components['schemas']["CreatedEntrantResponse"]>;
      invited: Array<components['schemas']["InvitedEntrantResponse"]>;
      duplicates: Array<components['schemas']["EntrantDuplicateResponse"]>;
      refused: Array<components['schemas']["EntrantRefusalResponse"]>;
    };
    EntrantsPreviewResponse: {
      digest: string;
      separator: ";" | ",";
      lines: number;
      toCreate: Array<components['schemas']["EntrantToCreateResponse"]>;
      duplicates: Array<components['schemas']["EntrantDuplicateResponse"]>;
      refused: Array<components['schemas']["EntrantRefusalResponse"]>;
    };
    ErasureResponse: {
      id: string;
      erasedAt: string;
    };
    ErrorDetailResponse: {
      field: string;
      reason: string;
    };
    ErrorResponse: {
      statusCode: number;
      error: string;
      message: string;
      code?: string;
      details: Array<components['schemas']["ErrorDetailResponse"]>;
    };
    EventRequest: {
      kind: "meeting" | "call" | "email" | "workshop" | "application" | "training" | "pmsmp" | "cv_work" | "aid_request";
      occurredOn: string;
      note?: string;
      collective?: boolean;
      aid?: components['schemas']["AidDto"];
    };
    EventResponse: {
      id: string;
      kind: "meeting" | "call" | "email" | "workshop" | "application" | "training" | "pmsmp" | "cv_work" | "aid_request";
      occurredOn: string;
      note: string | null;
      collective: boolean;
      aid: components['schemas']["AidResponse"] | null;
      authorId: string;
    };
    EvidencedSkillDto: {
      code: string;
      evidence: "declared" | "observed" | "work_experience" | "pmsmp" | "certified";
    };
    ExperienceDto: {
      romeCode?: string;
      jobTitle?: string;
      months: number;
      endedOn?: string;
    };
    ExportedAppointmentResponse: {
      kind: "in_person" | "phone" | "video" | "collective";
      title: string | null;
      place: string | null;
      startsAt: string;
      endsAt: string;
      cancelled: boolean;
      attendance: "present" | "absent" | "excused" | null;
    };
    ExportedEmployerAnswerResponse: {
      via: "card_link" | "shortlist";
      employerName: string;
      offerTitle: string | null;
      answeredAt: string;
      answer: "interested" | "not_now" | "question";
      refusalReason: "position_filled" | "skills_mismatch" | "experience" | "schedule" | "distance" | "not_hiring_now" | "other" | null;
      proposedInterview: string | null;
      message: string | null;
    };
    ExportedEmployerExchangeResponse: {
      employerName: string;
      offerTitle: string | null;
      from: "employer" | "service";
      body: string;
      at: string;
    };
    ExportedEmployerFollowUpAnswerResponse: {
      milestone: "m1" | "m3" | "m6";
      employerName: string | null;
      job: string;
      answeredAt: string;
      inJob: boolean;
      endDate: string | null;
      endReason: "contract_end" | "resignation" | "dismissal" | "trial_period_end" | "other" | null;
      remark: string | null;
    };
    ExportedFollowUpResponse: {
      kind: "placement" | "coaching_end";
      milestone: "m1" | "m3" | "m6";
      dueOn: string;
      employerName: string | null;
      answeredAt: string | null;
      inJob: boolean | null;
      rsaExit: boolean | null;
      difficulties: Array<"transport" | "childcare" | "hours" | "relations_at_work" | "health" | "pay" | "other">;
      employerView: string | null;
      note: string | null;
    };
    ExportedJobResponse: {
      id: string;
      employerName: string;
      contractType: "cdi" | "cdd" | "interim" | "alternance" | "saisonnier" | "contrat_aide" | "independant" | "other";
      contractMonths: number | null;
      weeklyHours: number | null;
      startDate: string;
      durable: boolean;
      endDate: string | null;
      endReason: "contract_end" | "resignation" | "dismissal" | "trial_period_end" | "other" | null;
    };
    ExportedMessageResponse: {
      channel: "email" | "sms";
      purpose: "invitation" | "reminder" | "moved" | "space_link" | "space_code";
      status: "sent" | "failed";
      at: string;
    };
    ExportedNotificationResponse: {
      kind: string;
      message: string;
      createdAt: string;
    };
    FiltersDto: {
      departements?: Array<string>;
      publishedWithinDays?: number;
    };
    FollowUpAnswerRequest: {
      inJob: boolean;
      rsaExit?: boolean;
      difficulties?: Array<"transport" | "childcare" | "hours" | "relations_at_work" | "health" | "pay" | "other">;
      employerView?: string;
      note?: string;
    };
    FollowUpAnswerResponse: {
      answeredAt: string;
      inJob: boolean;
      rsaExit: boolean | null;
      difficulties: Array<"transport" | "childcare" | "hours" | "relations_at_work" | "health" | "pay" | "other">;
      employerView: string | null;
      note: string | null;
    };
    FollowUpListResponse: {
      items: Array<components['schemas']["FollowUpResponse"]>;
    };
    FollowUpPlacementResponse: {
      id: string;
      employerId: string | null;
      employerName: string;
      contractType: "cdi" | "cdd" | "interim" | "alternance" | "saisonnier" | "contrat_aide" | "independant" | "other";
      startDate: string;
    };
    FollowUpResponse: {
      id: string;
      beneficiaryId: string;
      person: string;
      kind: "placement" | "coaching_end";
      milestone: "m1" | "m3" | "m6";
      dueOn: string;
      state: "due" | "overdue" | "upcoming" | "answered";
      placement: components['schemas']["FollowUpPlacementResponse"] | null;
      assigneeUserId: string | null;
      answer: components['schemas']["FollowUpAnswerResponse"] | null;
      employerForm: components['schemas']["EmployerFormResponse"] | null;
    };
    GeoPointResponse: {
      lat: number;
      lng: number;
    };
    HomeCommuneDto: {
      inseeCode?: string;
      postalCode?: string;
      name?: string;
    };
    IndicatorGroupResponse: {
      key: string | null;
      label: string;
      indicators: Array<components['schemas']["IndicatorValueResponse"]>;
    };
    IndicatorValueResponse: {
      key: string;
      label: string;
      unit: "rate" | "days" | "hours" | "count" | "ratio";
      target: number | null;
      numerator: number | null;
      denominator: number | null;
      value: number | null;
      targetMet: boolean | null;
      unknown?: number;
    };
    IndicatorsResponse: {
      from: string;
      to: string;
      asOf: string;
      structureId: string | null;
      coachId: string | null;
      groupBy: "none" | "coach" | "structure" | "commune" | "departement";
      groups: Array<components['schemas']["IndicatorGroupResponse"]>;
    };
    InteractionRequest: {
      kind: "visit" | "call" | "email" | "event";
      occurredOn: string;
      contactId?: string;
      outcome?: string;
      nextAction?: string;
      nextActionOn?: string;
    };
    IntroductionEmployerDto: {
      name: string;
      siret?: string;
      commune?: components['schemas']["HomeCommuneDto"];
    };
    IntroductionEventResponse: {
      kind: "transition" | "link_sent" | "link_revoked" | "viewed" | "answered";
      fromStatus: "proposed" | "accepted" | "card_sent" | "employer_interested" | "interview" | "trial" | "hired" | "declined" | "withdrawn" | null;
      toStatus: "proposed" | "accepted" | "card_sent" | "employer_interested" | "interview" | "trial" | "hired" | "declined" | "withdrawn" | null;
      actorKind: "user" | "employer" | "system";
      actorUserId: string | null;
      details: Record<string, unknown>;
      at: string;
    };
    IntroductionListResponse: {
      items: Array<components['schemas']["IntroductionSummaryResponse"]>;
    };
    IntroductionRequest: {
      beneficiaryId: string;
      offerId?: string;
      employerId?: string;
      employer?: components['schemas']["IntroductionEmployerDto"];
    };
    IntroductionResponse: {
      id: string;
      beneficiaryId: string;
      employerId: string;
      employerName: string;
      offerId: string | null;
      offerTitle: string | null;
      status: "proposed" | "accepted" | "card_sent" | "employer_interested" | "interview" | "trial" | "hired" | "declined" | "withdrawn";
      next: Array<"proposed" | "accepted" | "card_sent" | "employer_interested" | "interview" | "trial" | "hired" | "declined" | "withdrawn">;
      interviewAt: string | null;
      interviewPlace: string | null;
      trialStart: string | null;
      trialEnd: string | null;
      declineReason: "skills_mismatch" | "schedule" | "distance" | "position_filled" | "person_declined" | "no_show" | "other" | null;
      card: components['schemas']["CandidateCardResponse"] | null;
      cardValidation: components['schemas']["CardValidationResponse"] | null;
      events: Array<components['schemas']["IntroductionEventResponse"]>;
    };
    IntroductionSummaryResponse: {
      id: string;
      beneficiaryId: string;
      status: "proposed" | "accepted" | "card_sent" | "employer_interested" | "interview" | "trial" | "hired" | "declined" | "withdrawn";
      employerId: string;
      employerName: string;
      offerId: string | null;
      offerTitle: string | null;
      firstName: string | null;
      updatedAt: string;
      interviewAt: string | null;
      lastAnswer: components['schemas']["EmployerAnswerResponse"] | null;
    };
    InvitationResponse: {
      url: string;
      expiresAt: string;
      deliveries: components['schemas']["DeliveriesResponse"];
    };
    InvitedEntrantResponse: {
      line: number;
      id: string;
      deliveries: components['schemas']["DeliveriesResponse"];
    };
    JobAnalysisCreatedResponse: {
      id: string;
      offerId: string | null;
    };
    JobAnalysisRequest: {
      title: string;
      romeCode?: string;
      tasks: Array<string>;
      schedule?: string;
      conditions?: string;
      tools: Array<string>;
      initialRequirements: Array<string>;
      realRequirements: Array<string>;
      negotiatedAway: Array<string>;
      publicTransport?: string;
      contractType: string;
      workingTime: "full_time" | "part_time";
      analysedOn: string;
      publish: boolean;
    };
    JobAnalysisSummaryResponse: {
      id: string;
      title: string;
      romeCode: string | null;
      offerId: string | null;
      analysedOn: string;
      status: "draft" | "qualified";
      negotiatedAway: Array<string>;
    };
    LanguageDto: {
      code: string;
      level: "A1" | "A2" | "B1" | "B2" | "C1" | "C2" | "native";
    };
    LineProblemResponse: {
      field: string;
      reason: string;
    };
    LivenessResponse: {
      status: "ok";
    };
    LoginMethodsResponse: {
      password: boolean;
      sso: boolean;
    };
    LoginRequest: {
      email: string;
      password: string;
      totpCode?: string;
    };
    MatchExplanationResponse: {
      matchingSkills: Array<string>;
      missingCoreSkills: Array<string>;
      occupationPath: string | null;
      occupationRelation: "held" | "target" | "neighbour" | "mobility" | null;
      skillsFromText: Array<string>;
      coveredBy: Array<components['schemas']["CoveredSkillResponse"]>;
      distanceKm: number | null;
      place: string;
      parts: components['schemas']["ScorePartsResponse"];
      contractFit: string;
      workingTimeFit: string;
      scheduleFit: string;
    };
    MatchResponse: {
      origin: components['schemas']["GeoPointResponse"];
      items: Array<components['schemas']["MatchedOfferResponse"]>;
      candidates: number;
    };
    MatchSearchRequest: {
      profile: components['schemas']["ProfileDto"];
      filters?: components['schemas']["FiltersDto"];
      limit?: number;
      offset?: number;
    };
    MatchedOfferResponse: {
      id: string;
      score: number;
      title: string;
      employerName: string | null;
      communeName: string | null;
      postalCode: string | null;
      placePrecision: "commune" | "departement" | "region" | "country" | "abroad";
      placeLabel: string;
      contractType: "cdi" | "cdd" | "interim" | "alternance" | "saisonnier" | "pmsmp" | "independant" | "other";
      workingTime: "full_time" | "part_time" | "unknown";
      romeCode: string | null;
      romeLabel: string | null;
      publishedAt: number | null;
      location: components['schemas']["GeoPointResponse"] | null;
      explanation: components['schemas']["MatchExplanationResponse"];
    };
    NeedLinkCreatedResponse: {
      id: string;
      url: string;
      expiresAt: string;
    };
    NeedLinkListResponse: {
      items: Array<components['schemas']["NeedLinkResponse"]>;
    };
    NeedLinkRequest: {
      days?: number;
    };
    NeedLinkResponse: {
      id: string;
      employerId: string | null;
      expiresAt: string;
      revokedAt: string | null;
      createdAt: string;
    };
    NeedListResponse: {
      items: Array<components['schemas']["NeedResponse"]>;
    };
    NeedResponse: {
      id: string;
      employerId: string;
      employerName: string;
      viaPublicForm: boolean;
      siret: string | null;
      jobTitle: string;
      place: string;
      hours: string;
      startOn: string | null;
      contractType: "CDI" | "CDD" | "Intérim" | "Alternance" | "Saisonnier" | null;
      whatMatters: string | null;
      contactName: string;
      contactEmail: string | null;
      contactPhone: string | null;
      receivedAt: string;
      dueAt: string;
      overdue: boolean;
      firstCandidateAt: string | null;
      jobAnalysisId: string;
      qualifiedAt: string | null;
      offerId: string | null;
    };
    NormalizedExperienceResponse: {
      text: string | null;
      months: number | null;
    };
    NormalizedLocationResponse: {
      text: string | null;
      precision: "commune" | "departement" | "region" | "country" | "abroad";
      communeInsee: string | null;
      communeName: string | null;
      postalCode: string | null;
      departement: string | null;
      region: string | null;
      label: string;
      latitude: number | null;
      longitude: number | null;
    };
    NormalizedOfferResponse: {
      source: string;
      externalId: string;
      url: string | null;
      title: string;
      description: string;
      employerName: string | null;
      employerSiret: string | null;
      location: components['schemas']["NormalizedLocationResponse"];
      contractType: "cdi" | "cdd" | "interim" | "alternance" | "saisonnier" | "pmsmp" | "independant" | "other";
      contractDurationMonths: number | null;
      workingTime: "full_time" | "part_time" | "unknown";
      weeklyHours: number | null;
      salary: components['schemas']["NormalizedSalaryResponse"];
      rome: components['schemas']["NormalizedRomeResponse"] | null;
      skills: Array<string>;
      qualities: Array<string>;
      drivingLicences: Array<string>;
      requirements: Array<string>;
      experience: components['schemas']["NormalizedExperienceResponse"];
      publishedAt: string | null;
      sourceUpdatedAt: string | null;
      expiresAt: string | null;
    };
    NormalizedRomeResponse: {
      code: string;
      label: string;
      inferred: boolean;
      appellation: string | null;
    };
    NormalizedSalaryResponse: {
      text: string | null;
      min: number | null;
      max: number | null;
      period: "hour" | "month" | "year" | null;
    };
    NotificationResponse: {
      id: string;
      kind: string;
      subjectType: string;
      subjectId: string;
      message: string;
      dueOn: string | null;
      createdAt: string;
      readAt: string | null;
    };
    NotificationsResponse: {
      items: Array<components['schemas']["NotificationResponse"]>;
    };
    ObjectiveChangesRequest: {
      status?: "planned" | "in_progress" | "achieved" | "abandoned";
      dueOn?: string | null;
      barrierId?: string | null;
      cerId?: string | null;
      commitment?: string | null;
      steps?: Array<components['schemas']["ObjectiveStepDto"]>;
      title?: string;
    };
    ObjectiveRequest: {
      status?: "planned" | "in_progress" | "achieved" | "abandoned";
      dueOn?: string | null;
      barrierId?: string | null;
      cerId?: string | null;
      commitment?: string | null;
      steps?: Array<components['schemas']["ObjectiveStepDto"]>;
      title: string;
    };
    ObjectiveResponse: {
      id: string;
      title: string;
      status: "planned" | "in_progress" | "achieved" | "abandoned";
      dueOn: string | null;
      barrierId: string | null;
      cerId: string | null;
      commitment: string | null;
      steps: Array<components['schemas']["ObjectiveStepResponse"]>;
      createdAt: string;
      updatedAt: string;
    };
    ObjectiveStepDto: {
      label: string;
      dueOn?: string | null;
      doneOn?: string | null;
    };
    ObjectiveStepResponse: {
      label: string;
      dueOn: string | null;
      doneOn: string | null;
    };
    ObjectivesResponse: {
      items: Array<components['schemas']["ObjectiveResponse"]>;
    };
    OccupationSuggestionResponse: {
      kind: "occupation";
      code: string;
      label: string;
    };
    OfferCopyResponse: {
      id: string;
      source: string;
      url: string | null;
    };
    OfferPageResponse: {
      items: Array<components['schemas']["OfferResponse"]>;
      total: number;
    };
    OfferResponse: {
      id: string;
      source: string;
      externalId: string;
      url: string | null;
      title: string;
      description: string;
      employerName: string | null;
      employerSiret: string | null;
      locationText: string | null;
      placePrecision: "commune" | "departement" | "region" | "country" | "abroad";
      placeLabel: string;
      communeInsee: string | null;
      communeName: string | null;
      postalCode: string | null;
      departement: string | null;
      region: string | null;
      latitude: number | null;
      longitude: number | null;
      contractType: "cdi" | "cdd" | "interim" | "alternance" | "saisonnier" | "pmsmp" | "independant" | "other";
      contractDurationMonths: number | null;
      workingTime: "full_time" | "part_time" | "unknown";
      weeklyHours: number | null;
      salaryText: string | null;
      salaryMin: number | null;
      salaryMax: number | null;
      salaryPeriod: "hour" | "month" | "year" | null;
      romeCode: string | null;
      romeLabel: string | null;
      romeInferred: boolean;
      romeReadFrom: "referential" | "coded_offers" | null;
      romeSimilarOffers: number | null;
      romeAgreeingOffers: number | null;
      appellation: string | null;
      skills: Array<string>;
      qualities: Array<string>;
      drivingLicences: Array<string>;
      requirements: Array<string>;
      experienceText: string | null;
      experienceMonths: number | null;
      publishedAt: string | null;
      sourceUpdatedAt: string | null;
      expiresAt: string | null;
      status: "open" | "closed";
      closedAt: string | null;
      closedReason: "disappeared" | "expired" | "manual" | "filled" | null;
      contentHash: string;
      fingerprint: string | null;
      duplicateOf: string | null;
      firstSeenAt: string;
      lastSeenAt: string;
      structureId: string | null;
      createdAt: string;
      updatedAt: string;
      copies?: Array<components['schemas']["OfferCopyResponse"]>;
    };
    OfferedSlotDto: {
      startsAt: string;
      endsAt: string;
      place?: string | null;
    };
    OfferedSlotResponse: {
      startsAt: string;
      endsAt: string;
      place: string | null;
    };
    ParticipantRequest: {
      beneficiaryId: string;
    };
    ParticipantResponse: {
      beneficiaryId: string;
      firstName: string | null;
      lastName: string | null;
      attendance: "present" | "absent" | "excused" | null;
      journalEventId: string | null;
      confirmedAt: string | null;
      moveRequestedAt: string | null;
      moveRequest: string | null;
    };
    PersonExportResponse: {
      exportedAt: string;
      format: "passerelle.beneficiary-export.v2";
      file: components['schemas']["BeneficiaryFileResponse"];
      accessLog: Array<components['schemas']["AccessLogEntryResponse"]>;
      notifications: Array<components['schemas']["ExportedNotificationResponse"]>;
      appointments: Array<components['schemas']["ExportedAppointmentResponse"]>;
      messages: Array<components['schemas']["ExportedMessageResponse"]>;
      jobs: Array<components['schemas']["ExportedJobResponse"]>;
      followUps: Array<components['schemas']["ExportedFollowUpResponse"]>;
      employerAnswers: Array<components['schemas']["ExportedEmployerAnswerResponse"]>;
      employerExchanges: Array<components['schemas']["ExportedEmployerExchangeResponse"]>;
      employerFollowUpAnswers: Array<components['schemas']["ExportedEmployerFollowUpAnswerResponse"]>;
      shares: Array<components['schemas']["ShareResponse"]>;
    };
    PhotoResponse: {
      contentType: "image/jpeg" | "image/png";
      bytes: number;
      width: number;
      height: number;
      uploadedAt: string;
    };
    PlacementEndRequest: {
      endDate: string;
      reason: "contract_end" | "resignation" | "dismissal" | "trial_period_end" | "other";
    };
    PlacementListResponse: {
      items: Array<components['schemas']["PlacementResponse"]>;
    };
    PlacementRequest: {
      introductionId?: string;
      beneficiaryId?: string;
      employerId?: string;
      employerName?: string;
      foundBy?: "coach" | "self";
      contractType: "cdi" | "cdd" | "interim" | "alternance" | "saisonnier" | "contrat_aide" | "independant" | "other";
      contractMonths?: number;
      weeklyHours?: number;
      startDate: string;
      aidAmount?: number;
    };
    PlacementResponse: {
      id: string;
      beneficiaryId: string;
      introductionId: string | null;
      employerId: string | null;
      employerName: string;
      foundBy: "introduction" | "coach" | "self";
      contractType: "cdi" | "cdd" | "interim" | "alternance" | "saisonnier" | "contrat_aide" | "independant" | "other";
      contractMonths: number | null;
      weeklyHours: number | null;
      startDate: string;
      durable: boolean;
      aidAmount: number | null;
      endDate: string | null;
      endReason: "contract_end" | "resignation" | "dismissal" | "trial_period_end" | "other" | null;
      checkpoints: Array<components['schemas']["CheckpointResponse"]>;
    };
    PmsmpConventionRequest: {
      startDate: string;
      endDate: string;
      weeklyHours: number;
      schedule: string;
      workplace: string;
      tasks: Array<string>;
      skillsToObserve: Array<string>;
      objective: "discover_occupation" | "confirm_project" | "start_recruitment";
      tutorName: string;
      tutorRole?: string | null;
      tutorPhone?: string | null;
      tutorEmail?: string | null;
    };
    PmsmpConventionResponse: {
      introductionId: string;
      saved: boolean;
      status: "draft" | "signing" | "signed";
      startDate: string | null;
      endDate: string | null;
      weeklyHours: number | null;
      schedule: string | null;
      workplace: string | null;
      tasks: Array<string>;
      skillsToObserve: Array<string>;
      objective: "discover_occupation" | "confirm_project" | "start_recruitment" | null;
      tutorName: string | null;
      tutorRole: string | null;
      tutorPhone: string | null;
      tutorEmail: string | null;
      signatures: components['schemas']["PmsmpSignaturesResponse"];
      parties: components['schemas']["PmsmpPartiesResponse"];
      updatedAt: string | null;
    };
    PmsmpPartiesResponse: {
      personName: string;
      employerName: string;
      employerSiret: string | null;
      employerCommune: string;
      structureName: string;
      jobTitle: string | null;
    };
    PmsmpSignatureRequest: {
      party: "person" | "employer" | "prescriber";
      signedOn: string | null;
    };
    PmsmpSignaturesResponse: {
      person: string | null;
      employer: string | null;
      prescriber: string | null;
    };
    PortfolioEntryResponse: {
      id: string;
      firstName: string | null;
      lastName: string | null;
      communeName: string | null;
      postalCode: string | null;
      structureId: string;
      referentUserId: string | null;
      status: "oriented" | "in_coaching" | "ended" | "reoriented";
      exitReason: "job" | "training" | "business_creation" | "moved" | "health" | "no_contact" | "other" | null;
      orientationDate: string;
      endedOn: string | null;
      cvDepositedOn: string | null;
      referentName: string | null;
      lastContactOn: string | null;
      daysSinceLastContact: number | null;
      cerEndDate: string | null;
      stage: string;
      openBarriers: number;
      proposedOffers: number;
      alerts: Array<"no_contact" | "cer_ending" | "behind_rhythm">;
      rhythm: components['schemas']["RhythmStatusResponse"] | null;
    };
    PortfolioResponse: {
      items: Array<components['schemas']["PortfolioEntryResponse"]>;
    };
    PostOfferRequest: {
      title: string;
      description: string;
      employerName?: string;
      employerSiret?: string;
      location?: string;
      postalCode?: string;
      communeName?: string;
      inseeCode?: string;
      contractType?: string;
      contractDuration?: string;
      workingTime?: string;
      weeklyHours?: string;
      salary?: string;
      romeCode?: string;
      skills?: Array<string>;
      qualities?: Array<string>;
      drivingLicence?: string;
      requirements?: Array<string>;
      experience?: string;
      expiresAt?: string;
    };
    ProfileDto: {
      maxDistanceKm: number;
      drivingLicence: boolean;
      contractTypes: Array<"cdi" | "cdd" | "interim" | "alternance" | "saisonnier" | "pmsmp" | "independant" | "other">;
      workingTime: "full_time" | "part_time" | "any";
      experiences: Array<components['schemas']["ExperienceDto"]>;
      skills: Array<string>;
      certificates?: Array<string>;
      targetOccupations?: Array<string>;
      commune: components['schemas']["CommuneDto"];
      constraints?: Array<"no_night" | "no_weekend" | "school_hours">;
    };
    ProposalRequest: {
      offerId: string;
      score?: number;
      explanation?: Array<string>;
    };
    ProposalResponse: {
      offerId: string;
      title: string;
      employerName: string | null;
      communeName: string;
      offerStatus: "open" | "closed";
      score: number | null;
      proposedBy: string;
      proposedAt: string;
      explanation: Array<string>;
      answer: "interested" | "not_for_me" | null;
      answerReason: string | null;
      answeredAt: string | null;
    };
    ReadinessChecksResponse: {
      postgres: components['schemas']["DependencyStatusResponse"];
      redis: components['schemas']["DependencyStatusResponse"];
      meilisearch: components['schemas']["DependencyStatusResponse"];
    };
    ReadinessResponse: {
      status: "ready" | "not_ready";
      message: string;
      down: Array<"postgres" | "redis" | "meilisearch">;
      checks: components['schemas']["ReadinessChecksResponse"];
    };
    ReceivedShareResponse: {
      id: string;
      beneficiaryId: string;
      firstName: string | null;
      lastName: string | null;
      grantedByName: string;
      parts: Array<"contact" | "diagnostic" | "barriers" | "cers" | "objectives" | "journal">;
      healthNoteVisible: boolean;
      endsOn: string;
    };
    ReferentResponse: {
      coachUserId: string;
      coachName: string | null;
      startedAt: string;
      endedAt: string | null;
      capOverride: boolean;
      assignedByUserId: string;
      assignedByName: string | null;
      reason: string | null;
    };
    RefusalReasonByOfferResponse: {
      offerId: string;
      offerTitle: string;
      reason: "position_filled" | "skills_mismatch" | "experience" | "schedule" | "distance" | "not_hiring_now" | "other";
      label: string;
      count: number;
    };
    RefusalReasonByStructureResponse: {
      structureId: string;
      structureName: string;
      reason: "position_filled" | "skills_mismatch" | "experience" | "schedule" | "distance" | "not_hiring_now" | "other";
      label: string;
      count: number;
    };
    RefusalReasonsResponse: {
      from: string;
      to: string;
      byOffer: Array<components['schemas']["RefusalReasonByOfferResponse"]>;
      byStructure: Array<components['schemas']["RefusalReasonByStructureResponse"]>;
    };
    RegisterBeneficiaryRequest: {
      birthDate?: string | null;
      email?: string | null;
      phone?: string | null;
      address?: string | null;
      firstName: string;
      lastName: string;
      commune: components['schemas']["HomeCommuneDto"];
      orientationDate: string;
      structureId?: string;
      referentUserId?: string;
      capOverride?: boolean;
      reason?: string;
    };
    RejectionPageResponse: {
      items: Array<components['schemas']["RejectionResponse"]>;
      total: number;
    };
    RejectionResponse: {
      id: string;
      runId: string;
      externalId: string | null;
      url: string | null;
      field: string | null;
      reason: string;
      payloadHash: string | null;
      createdAt: string;
    };
    RenewalDto: {
      beneficiaryCommitments: Array<string>;
      serviceCommitments: Array<string>;
      signedOn?: string;
      durationMonths?: number;
    };
    RhythmPersonResponse: {
      beneficiaryId: string;
      firstName: string | null;
      lastName: string | null;
      referentUserId: string | null;
      referentName: string | null;
      contacts: number;
      periodDays: number;
      held: number;
      expected: number;
      behind: boolean;
    };
    RhythmSettingResponse: {
      structureId: string;
      structureName: string;
      parentId: string | null;
      own: components['schemas']["ContactRhythmResponse"] | null;
      effective: components['schemas']["ContactRhythmResponse"] | null;
      updatedAt: string | null;
    };
    RhythmStatusResponse: {
      contacts: number;
      periodDays: number;
      held: number;
      expected: number;
      behind: boolean;
    };
    RunPageResponse: {
      items: Array<components['schemas']["RunResponse"]>;
      total: number;
    };
    RunQueuedResponse: {
      jobId?: string;
      source: string;
    };
    RunResponse: {
      id: string;
      sourceId: string;
      trigger: "schedule" | "manual" | "cli" | "demo" | "reparse";
      status: "running" | "succeeded" | "partial" | "failed";
      startedAt: string;
      endedAt: string | null;
      pagesFetched: number;
      offersSeen: number;
      created: number;
      updated: number;
      unchanged: number;
      closed: number;
      rejected: number;
      duplicates: number;
      error: string | null;
    };
    ScorePartsResponse: {
      coverage: number;
      similarity: number;
      path: number;
      nearness: number;
    };
    SendLinkRequest: {
      contactId?: string;
    };
    SessionResponse: {
      accessToken: string;
      tokenType: "Bearer";
      expiresIn: number;
      totpEnrolmentRequired: boolean;
      user: components['schemas']["UserResponse"];
    };
    SettingResponse: {
      key: string;
      env: string;
      value: number | string;
      environmentValue: number | string;
      editable: boolean;
      min: number | null;
      max: number | null;
      unit: "people" | "months" | "days" | "hours" | null;
      changedAt: string | null;
      changedBy: string | null;
    };
    ShareRecipientResponse: {
      userId: string;
      displayName: string;
      structureName: string;
    };
    ShareRequest: {
      recipientUserId: string;
      parts: Array<"contact" | "diagnostic" | "barriers" | "cers" | "objectives" | "journal">;
      healthNoteVisible: boolean;
      endsOn: string;
    };
    ShareResponse: {
      id: string;
      recipientUserId: string;
      recipientName: string;
      grantedBy: string;
      grantedByName: string;
      parts: Array<"contact" | "diagnostic" | "barriers" | "cers" | "objectives" | "journal">;
      healthNoteVisible: boolean;
      endsOn: string;
      createdAt: string;
      revokedAt: string | null;
      revokedBy: string | null;
    };
    SharedAccessResponse: {
      shareId: string;
      grantedByName: string;
      parts: Array<"contact" | "diagnostic" | "barriers" | "cers" | "objectives" | "journal">;
      healthNoteVisible: boolean;
      endsOn: string;
    };
    ShortlistEntryResponse: {
      id: string;
      introductionId: string;
      beneficiaryId: string;
      position: number;
      status: "proposed" | "accepted" | "card_sent" | "employer_interested" | "interview" | "trial" | "hired" | "declined" | "withdrawn";
      card: components['schemas']["CandidateCardResponse"] | null;
      answer: "interested" | "not_now" | "question" | null;
      slotStartsAt: string | null;
      proposedSlot: string | null;
      refusalReason: "position_filled" | "skills_mismatch" | "experience" | "schedule" | "distance" | "not_hiring_now" | "other" | null;
      freeText: string | null;
      appointmentId: string | null;
      answeredAt: string | null;
      messages: Array<components['schemas']["ShortlistMessageResponse"]>;
    };
    ShortlistLinkResponse: {
      id: string;
      url: string;
      expiresAt: string;
      emailedTo: string | null;
    };
    ShortlistListResponse: {
      items: Array<components['schemas']["ShortlistSummaryResponse"]>;
    };
    ShortlistMessageResponse: {
      id: string;
      authorKind: "employer" | "user";
      authorName: string | null;
      body: string;
      at: string;
    };
    ShortlistReminderResponse: {
      at: string;
      channel: "email" | "call";
    };
    ShortlistReplyRequest: {
      entryId: string;
      body: string;
    };
    ShortlistRequest: {
      offerId: string;
      introductionIds: Array<string>;
      slots?: Array<components['schemas']["OfferedSlotDto"]>;
      contactId?: string;
    };
    ShortlistResponse: {
      id: string;
      offerId: string;
      offerTitle: string;
      employerId: string;
      employerName: string;
      expiresAt: string;
      revokedAt: string | null;
      slots: Array<components['schemas']["OfferedSlotResponse"]>;
      createdBy: string;
      senderName: string;
      createdAt: string;
      contactName: string | null;
      contactEmail: string | null;
      reminder: components['schemas']["ShortlistReminderResponse"] | null;
      entries: Array<components['schemas']["ShortlistEntryResponse"]>;
    };
    ShortlistSummaryResponse: {
      id: string;
      offerId: string;
      offerTitle: string;
      employerName: string;
      createdAt: string;
      expiresAt: string;
      revokedAt: string | null;
      cards: number;
      answered: number;
      openQuestions: number;
      reminder: components['schemas']["ShortlistReminderResponse"] | null;
    };
    SkillSuggestionResponse: {
      kind: "skill";
      code: string;
      label: string;
      skillKind: "savoir_faire" | "savoir_etre" | "savoir" | "contexte_travail";
    };
    SlotRequest: {
      kind: "in_person" | "phone" | "video";
      startsAt: string;
      endsAt: string;
      place?: string;
    };
    SlotResponse: {
      id: string;
      kind: "in_person" | "phone" | "video" | "collective";
      place: string | null;
      startsAt: string;
      endsAt: string;
      appointmentId: string | null;
    };
    SlotsResponse: {
      items: Array<components['schemas']["SlotResponse"]>;
    };
    SourceRequest: {
      name: string;
      label: string;
      kind: "france_travail" | "html_board" | "jsonld" | "manual";
      baseUrl?: string;
      config: Record<string, unknown>;
      scheduleMinutes?: number;
      rateLimitPerSecond?: number;
      maxConcurrency?: number;
      enabled?: boolean;
    };
    SourceResponse: {
      id: string;
      name: string;
      label: string;
      kind: "france_travail" | "html_board" | "jsonld" | "manual";
      baseUrl: string | null;
      config: Record<string, unknown>;
      scheduleMinutes: number | null;
      rateLimitPerSecond: number;
      maxConcurrency: number;
      enabled: boolean;
      createdAt: string;
      updatedAt: string;
    };
    SourceTrialRequest: {
      kind: "html_board" | "jsonld";
      config: Record<string, unknown>;
      url: string;
    };
    SourceUpdateRequest: {
      label?: string;
      config?: Record<string, unknown>;
      scheduleMinutes?: number;
      rateLimitPerSecond?: number;
      maxConcurrency?: number;
      enabled?: boolean;
    };
    SpaceLinkListResponse: {
      items: Array<components['schemas']["SpaceLinkResponse"]>;
    };
    SpaceLinkResponse: {
      id: string;
      createdAt: string;
      createdBy: string;
      expiresAt: string;
      revokedAt: string | null;
      devices: number;
      lastSeenAt: string | null;
    };
    SpaceLinkSentResponse: {
      linkId: string;
      expiresAt: string;
      deliveries: components['schemas']["DeliveriesResponse"];
    };
    SsoExchangeRequest: {
      code: string;
    };
    StructureResponse: {
      id: string;
      name: string;
      kind: "departement" | "local_office" | "association" | "regional_platform" | "other";
      parentId: string | null;
      createdAt: string;
    };
    TemporaryPasswordResponse: {
      temporaryPassword: string;
      expiresAt: string;
    };
    TotpConfirmRequest: {
      code: string;
    };
    TotpEnrolmentResponse: {
      secret: string;
      otpauthUri: string;
    };
    TransitionRequest: {
      to: "proposed" | "accepted" | "card_sent" | "employer_interested" | "interview" | "trial" | "hired" | "declined" | "withdrawn";
      interviewAt?: string;
      interviewPlace?: string;
      trialStart?: string;
      trialEnd?: string;
      declineReason?: "skills_mismatch" | "schedule" | "distance" | "position_filled" | "person_declined" | "no_show" | "other";
    };
    TrialRejectionResponse: {
      field: string;
      reason: string;
    };
    TrialResponse: {
      externalId: string | null;
      fields: {
        title?: string;
        description?: string;
        employerName?: string;
        employerSiret?: string;
        location?: string;
        postalCode?: string;
        communeName?: string;
        inseeCode?: string;
        latitude?: string;
        longitude?: string;
        contractType?: string;
        contractDuration?: string;
        workingTime?: string;
        weeklyHours?: string;
        salary?: string;
        romeCode?: string;
        appellation?: string;
        skills?: Array<string>;
        qualities?: Array<string>;
        drivingLicence?: string;
        requirements?: Array<string>;
        experience?: string;
        publishedAt?: string;
        updatedAt?: string;
        expiresAt?: string;
        url?: string;
      } | null;
      offer: components['schemas']["NormalizedOfferResponse"] | null;
      rejection: components['schemas']["TrialRejectionResponse"] | null;
    };
    UnreadCountResponse: {
      unread: number;
    };
    UpdateBeneficiaryRequest: {
      birthDate?: string | null;
      email?: string | null;
      phone?: string | null;
      address?: string | null;
      firstName?: string;
      lastName?: string;
      commune?: components['schemas']["HomeCommuneDto"];
      cvPlatform?: "nordemploi" | "job_connexion" | "france_travail" | "other" | null;
      cvDepositedOn?: string | null;
    };
    UpdateUserRequest: {
      displayName?: string;
      structureId?: string;
      roles?: Array<"coach" | "platform_staff" | "manager" | "admin">;
      status?: "active" | "disabled";
    };
    UserPageResponse: {
      items: Array<components['schemas']["UserResponse"]>;
      total: number;
    };
    UserResponse: {
      id: string;
      email: string;
      displayName: string;
      structureId: string;
      roles: Array<"coach" | "platform_staff" | "manager" | "admin">;
      status: "active" | "disabled";
      totpEnabled: boolean;
      ssoLinked: boolean;
      mustChangePassword: boolean;
      totpEnrolmentRequired: boolean;
      lastLoginAt: string | null;
      createdAt: string;
    };
  };
}
