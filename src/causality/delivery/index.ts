export { DeliveryJudge, judgeHistory, type DeliverySemantics, type DeliveryVerdict } from './judge.ts';
export { DELIVERY_LABELS, applicationMessage, type DeliveryRecord } from './record.ts';
export { deliveryMessages } from './messages.ts';
