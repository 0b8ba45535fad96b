import type { INodeProperties } from 'n8n-workflow';

import { v4LoyaltyUserIdField } from './v4';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['getUser'] } };

export const loyaltyCardGetUserFields: INodeProperties[] = [v4LoyaltyUserIdField(displayOptions)];
