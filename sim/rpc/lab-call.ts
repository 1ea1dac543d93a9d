// The 6.824 `call()` helper, the same in viewservice and pbservice (spec §1.2): a fresh
// rpc.Dial per call, dial errors returned silently as false, one synchronous Call, any Call
// error printed with fmt.Println, and the connection closed afterwards. No timeout.

import { GoError } from '../net/errors.ts';
import { println } from '../runtime/goroutines.ts';
import { RpcClient } from './client.ts';

export async function call(srv: string, rpcname: string, args: object, reply: object): Promise<boolean> {
  const client = RpcClient.dial(srv);
  if (client instanceof GoError) return false;
  const result = await client.call(rpcname, args);
  client.close(); // defer c.Close()
  if (result.ok) {
    Object.assign(reply, result.reply);
    return true;
  }
  println(result.error.message);
  return false;
}
