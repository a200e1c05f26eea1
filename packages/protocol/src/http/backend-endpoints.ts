import {
  BackendListQuerySchema,
  BackendListSchema,
  BackendParamsSchema,
  BackendPropertiesQuerySchema,
  BackendSchema,
  BackendStatusResponseSchema,
} from '../schemas/backend.js'
import {
  BackendConfigurationJsonSchema,
  BackendPropertiesJsonSchema,
} from '../schemas/backend-device-json.js'
import { HealthSchema, VersionInfoSchema } from '../schemas/service-info.js'
import { ANY_SCOPE, BACKENDS_READ, type EndpointDefinition } from './endpoint-definition.js'
import { PATHS } from './paths.js'

const backend = { params: BackendParamsSchema } as const

/** Endpoints of backends and service information (§8.4 "Backends", "Streams and service info"). */
export const BACKEND_ENDPOINTS = {
  listBackends: {
    method: 'GET',
    path: PATHS.backends,
    auth: 'token',
    scopes: BACKENDS_READ,
    summary: 'Backends with status, queue and limits',
    query: BackendListQuerySchema,
    status: 200,
    responses: { 200: BackendListSchema },
  },
  getBackend: {
    method: 'GET',
    path: PATHS.backend,
    auth: 'token',
    scopes: BACKENDS_READ,
    summary: 'One backend',
    ...backend,
    status: 200,
    responses: { 200: BackendSchema },
  },
  getBackendConfiguration: {
    method: 'GET',
    path: PATHS.backendConfiguration,
    auth: 'token',
    scopes: BACKENDS_READ,
    summary: 'IBM-style configuration',
    ...backend,
    status: 200,
    responses: { 200: BackendConfigurationJsonSchema },
  },
  getBackendProperties: {
    method: 'GET',
    path: PATHS.backendProperties,
    auth: 'token',
    scopes: BACKENDS_READ,
    summary: 'IBM-style calibration (404 for simulators)',
    ...backend,
    query: BackendPropertiesQuerySchema,
    status: 200,
    responses: { 200: BackendPropertiesJsonSchema },
  },
  getBackendStatus: {
    method: 'GET',
    path: PATHS.backendStatus,
    auth: 'token',
    scopes: BACKENDS_READ,
    summary: 'Qiskit BackendStatus plus queue',
    ...backend,
    status: 200,
    responses: { 200: BackendStatusResponseSchema },
  },
  getVersion: {
    method: 'GET',
    path: PATHS.version,
    auth: 'public',
    scopes: ANY_SCOPE,
    summary: 'Server and API versions, compatible clients',
    status: 200,
    responses: { 200: VersionInfoSchema },
  },
  getHealth: {
    method: 'GET',
    path: PATHS.health,
    auth: 'public',
    scopes: ANY_SCOPE,
    summary: 'Health (503 when unavailable)',
    status: 200,
    responses: { 200: HealthSchema, 503: HealthSchema },
  },
} as const satisfies Record<string, EndpointDefinition>
