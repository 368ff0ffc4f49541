package io.multiregion.network;

import com.pulumi.core.Output;

/**
 * A component with a security group of its own, which the owner of a flow opens rules to or from (AWS CDK's
 * {@code IConnectable}): the load balancer opens its way out to the application tier, the database admits the
 * application tier. The rules that join two components are made by one of them, never by the component that happens
 * to build both.
 */
public interface Connectable {

    /** The component's name; the rules on its side of a flow are named from it ({@code <name>-to-db}). */
    String connectionName();

    /** The component's security group. */
    Output<String> securityGroup();
}
