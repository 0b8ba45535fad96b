import type { INodeProperties } from 'n8n-workflow';

/** Account single sign-on takes no parameter (https://docs.coupontools.com/api/account). */
export const accountSingleSignOnFields: INodeProperties[] = [];
